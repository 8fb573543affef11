/// `name=value&name2=value2` as a query string and an `application/x-www-form-urlencoded` body
/// both carry it (WHATWG URL §5.1): percent-decoded, `+` as space, in order, empty pairs skipped.
package enum FormEncoding {
    /// The pairs, or nil when a percent-encoding is invalid.
    package static func pairs(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [(name: String, value: String)]? {
        // Over the base pointer, each pair's end and its first `=` found in one pass: this runs for
        // every request with a query, and slices' indices cost a check at every step.
        let text = UnsafeBufferPointer(rebasing: bytes)
        guard let base = text.baseAddress, !text.isEmpty else { return [] }
        var separators = 0
        for index in 0..<text.count where base[index] == UInt8(ascii: "&") { separators += 1 }
        var pairs: [(name: String, value: String)] = []
        pairs.reserveCapacity(separators + 1)
        var start = 0
        while start <= text.count {
            var end = start
            var equals = -1
            while end < text.count, base[end] != UInt8(ascii: "&") {
                if equals < 0, base[end] == UInt8(ascii: "=") { equals = end }
                end += 1
            }
            if end > start {  // `a&&b`: empty pairs are skipped
                let name = PercentDecoding.decode(UnsafeBufferPointer(rebasing: text[start..<(equals < 0 ? end : equals)]), plusIsSpace: true)
                let value = equals < 0 ? "" : PercentDecoding.decode(UnsafeBufferPointer(rebasing: text[(equals + 1)..<end]), plusIsSpace: true)
                guard let name, let value else { return nil }
                pairs.append((name, value))
            }
            start = end + 1
        }
        return pairs
    }

    package static func pairs(_ bytes: [UInt8]) -> [(name: String, value: String)]? {
        bytes.withUnsafeBufferPointer { pairs($0[...]) }
    }
}
