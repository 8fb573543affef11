/// `name=value&name2=value2` as a query string and an `application/x-www-form-urlencoded` body
/// both carry it (WHATWG URL §5.1): percent-decoded, `+` as space, in order, empty pairs skipped.
package enum FormEncoding {
    /// The pairs, or nil when a percent-encoding is invalid.
    package static func pairs(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [(name: String, value: String)]? {
        var pairs: [(name: String, value: String)] = []
        pairs.reserveCapacity(bytes.isEmpty ? 0 : bytes.count { $0 == UInt8(ascii: "&") } + 1)
        let decodedAll = forEachPart(of: bytes, separatedBy: UInt8(ascii: "&")) { pair in
            guard !pair.isEmpty else { return true }  // `a&&b`: empty pairs are skipped
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let name = PercentDecoding.decode(pair[..<(equals ?? pair.endIndex)], plusIsSpace: true)
            let value = equals.map { PercentDecoding.decode(pair[($0 + 1)...], plusIsSpace: true) } ?? ""
            guard let name, let value else { return false }
            pairs.append((name, value))
            return true
        }
        return decodedAll ? pairs : nil
    }

    package static func pairs(_ bytes: [UInt8]) -> [(name: String, value: String)]? {
        bytes.withUnsafeBufferPointer { pairs($0[...]) }
    }

    /// Calls `body` with each run of bytes between separators (empty runs included), in order,
    /// until it returns false; returns false if it did.
    static func forEachPart(
        of bytes: Slice<UnsafeBufferPointer<UInt8>>, separatedBy separator: UInt8, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool
    ) -> Bool {
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: separator) ?? bytes.endIndex
            guard body(bytes[start..<end]) else { return false }
            guard end < bytes.endIndex else { return true }
            start = end + 1
        }
    }
}
