import ZISMockBasics

/// Unpredictable values for minted OAuth tokens, UUIDs and flow states, drawn from the
/// system's cryptographic generator (the domain has no Foundation, so no `UUID()`).
enum RandomToken {
    /// `byteCount` random bytes as lowercase hex (twice as many characters).
    static func hex(byteCount: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// A random (version 4, RFC 9562 variant) UUID in its lowercase 8-4-4-4-12 form.
    static func uuidV4() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let text = hex(bytes)
        var result = ""
        result.reserveCapacity(36)
        for (offset, character) in text.enumerated() {
            if [8, 12, 16, 20].contains(offset) { result.append("-") }
            result.append(character)
        }
        return result
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            utf8.append(.asciiLowercaseHexDigit(byte >> 4))
            utf8.append(.asciiLowercaseHexDigit(byte & 0x0F))
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
