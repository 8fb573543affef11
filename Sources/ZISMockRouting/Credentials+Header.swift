import ZISDomain

extension Credentials {
    /// An `Authorization` header value split into scheme and credentials. The scheme is matched
    /// case-insensitively (RFC 9110 §11.1); surrounding whitespace is not part of the token.
    init(authorizationHeader headerValue: String?) {
        guard let headerValue else {
            self = .none
            return
        }
        // Over contiguous bytes: this runs for every request, and the generic UTF-8 view's
        // iterators cost several times more per byte.
        self = headerValue.utf8.withContiguousStorageIfAvailable { Credentials(bytes: $0) }
            ?? Credentials(bytes: Array(headerValue.utf8))
    }

    private init<Bytes: BidirectionalCollection<UInt8>>(bytes: Bytes) {
        let trimmed = bytes.trimmingSpaceAndTab()
        guard !trimmed.isEmpty else {
            self = .none
            return
        }
        let schemeEnd = trimmed.firstIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } ?? trimmed.endIndex
        let scheme = trimmed[trimmed.startIndex..<schemeEnd]
        if scheme.equalsIgnoringASCIICase("bearer") {
            let token = trimmed[schemeEnd...].trimmingSpaceAndTab()
            self = .bearer(token: String(decoding: token, as: UTF8.self))
        } else if scheme.equalsIgnoringASCIICase("basic") {
            self = .basic
        } else {
            self = .otherScheme
        }
    }
}

extension BidirectionalCollection where Element == UInt8 {
    fileprivate func trimmingSpaceAndTab() -> SubSequence {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }

    /// `lowercase` must be letters only: OR-ing 0x20 folds exactly the ASCII capitals onto them.
    fileprivate func equalsIgnoringASCIICase(_ lowercase: StaticString) -> Bool {
        lowercase.withUTF8Buffer { expected in
            count == expected.count && zip(self, expected).allSatisfy { $0 | 0x20 == $1 }
        }
    }
}
