/// The authentication and authorization decision of spec §2, in its documented order.
/// Routing has already matched the path (404/405 come first [ours]); this runs on every call.
public struct Authorizer: Sendable {
    public let tokens: TokenRegistry

    public init(tokens: TokenRegistry) {
        self.tokens = tokens
    }

    /// `authorization` is the raw header value (nil when absent). Returns the token's grant.
    public func authorize(authorization: String?, integration: String, required: Scope) throws(ZISError) -> TokenGrant {
        guard let authorization else { throw .invalidCredentials }
        let credentials = Credentials(headerValue: authorization)
        switch credentials {
        case .missing, .otherScheme:
            throw .invalidCredentials
        case .basic:
            throw .apiTokenNotSupported
        case .bearer(let token):
            guard NameRules.isValidTokenLength(token) else { throw .invalidTokenLength }
            guard let grant = tokens.grant(for: token) else { throw .invalidCredentials }
            guard grant.integration == integration else { throw .integrationMismatch }
            guard grant.scopes.contains(required) else { throw .missingScope(required) }
            return grant
        }
    }
}

/// An `Authorization` header value split into scheme and credentials. The scheme is matched
/// case-insensitively (RFC 9110 §11.1); surrounding whitespace is not part of the token.
enum Credentials: Equatable {
    case missing
    case basic
    case bearer(token: String)
    case otherScheme

    init(headerValue: String) {
        // Over contiguous bytes: this runs for every request, and the generic UTF-8 view's
        // iterators cost several times more per byte.
        self = headerValue.utf8.withContiguousStorageIfAvailable { Credentials(bytes: $0) }
            ?? Credentials(bytes: Array(headerValue.utf8))
    }

    private init<Bytes: BidirectionalCollection<UInt8>>(bytes: Bytes) {
        let trimmed = bytes.trimmingSpaceAndTab()
        guard !trimmed.isEmpty else {
            self = .missing
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
