import ZISMockBasics

/// Percent-decoding for request targets (RFC 3986 §2.1). Postman and most clients encode the
/// brackets of `page[size]`, so decoding happens before anything matches (spec §1).
package enum PercentDecoding {
    /// Decodes `%XX` escapes (and `+` as a space when `plusIsSpace`, as in query strings).
    /// Returns nil for a broken escape, a decoded NUL, or bytes that are not UTF-8.
    package static func decode<Bytes: Collection<UInt8>>(_ encoded: Bytes, plusIsSpace: Bool) -> String? {
        // One look at every byte decides both whether there is anything to decode and whether the
        // text is ASCII: most path segments and query values are plain ASCII, copied as they are.
        var isASCII = true
        for byte in encoded {
            if byte == UInt8(ascii: "%") || (plusIsSpace && byte == UInt8(ascii: "+")) {
                return decodeEscapes(encoded, plusIsSpace: plusIsSpace)
            }
            isASCII = isASCII && byte < 0x80
        }
        return isASCII ? String(decoding: encoded, as: UTF8.self) : String(validating: encoded, as: UTF8.self)
    }

    private static func decodeEscapes<Bytes: Collection<UInt8>>(_ encoded: Bytes, plusIsSpace: Bool) -> String? {
        // Decoded into scratch memory (on the stack for short text) rather than a fresh array.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: encoded.count) { decoded -> String? in
            var count = 0
            var isASCII = true
            var index = encoded.startIndex
            while index != encoded.endIndex {
                let byte = encoded[index]
                index = encoded.index(after: index)
                switch byte {
                case UInt8(ascii: "%"):
                    guard index != encoded.endIndex, let high = encoded[index].asciiHexValue else { return nil }
                    index = encoded.index(after: index)
                    guard index != encoded.endIndex, let low = encoded[index].asciiHexValue else { return nil }
                    index = encoded.index(after: index)
                    let value = high << 4 | low
                    guard value != 0 else { return nil }
                    decoded[count] = value
                    isASCII = isASCII && value < 0x80
                case UInt8(ascii: "+") where plusIsSpace:
                    decoded[count] = .space
                default:
                    decoded[count] = byte
                    isASCII = isASCII && byte < 0x80
                }
                count += 1
            }
            let text = UnsafeBufferPointer(rebasing: decoded[..<count])
            // ASCII is valid UTF-8 as it is; validating costs more than decoding.
            return isASCII ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
        }
    }
}
