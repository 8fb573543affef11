import Glibc

/// Byte classes from RFC 9110 §5.6 and RFC 9112.
extension UInt8 {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";")
    static let equals = UInt8(ascii: "=")
    static let doubleQuote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")

    /// Visible ASCII: no space, no control byte, no NUL in a request target.
    var isTargetCharacter: Bool { self >= 0x21 && self <= 0x7E }

    /// Field values: visible characters, obs-text, space and tab; never CR, LF, NUL or other controls.
    var isFieldValueCharacter: Bool { self == .tab || (self >= 0x20 && self != 0x7F) }

    /// qdtext (RFC 9110 §5.6.4): HTAB, SP and visible characters but `"` and `\`, and obs-text.
    var isQuotedTextCharacter: Bool {
        self == .tab || self == .space || (self >= 0x21 && self != .doubleQuote && self != .backslash && self != 0x7F)
    }
}

extension String {
    /// Whether the string is exactly these bytes: how a head hands out the previous head's
    /// strings where it repeats them (`HTTPHeadParser.Previous`) instead of making new ones.
    /// Inlined, and the lengths compared first: it runs for each field and the target of every
    /// head that does not repeat the previous one's bytes, and a target that differs from the
    /// previous one mostly differs in length.
    @inline(__always)
    func hasUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        utf8.count == bytes.count && (bytes.isEmpty || utf8.withContiguousStorageIfAvailable { own in
            memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0
        } ?? false)
    }
}
