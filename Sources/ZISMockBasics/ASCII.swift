/// Byte classes of ASCII text, for every layer: HTTP heads, JSON, names, hosts and seeds are all
/// checked byte by byte, and each used to carry its own copy of these. `@inlinable` because they
/// run in the parsers' inner loops, where a call across modules would cost more than the test.
extension UInt8 {
    /// `0`–`9`.
    @inlinable package var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }

    /// `A`–`Z`, `a`–`z` and `0`–`9`.
    @inlinable package var isASCIIAlphanumeric: Bool {
        isASCIIDigit || (self | 0x20 >= 0x61 && self | 0x20 <= 0x7A)
    }

    /// A 7-bit byte; anything else is part of a multi-byte UTF-8 sequence.
    @inlinable package var isASCII: Bool { self < 0x80 }

    /// Space or horizontal tab: what HTTP calls optional whitespace (RFC 9110 §5.6.3).
    @inlinable package var isASCIIBlank: Bool { self == 0x20 || self == 0x09 }

    /// RFC 9110 §5.6.2 `tchar`: what methods, header names and other tokens are made of.
    @inlinable package var isHTTPTokenCharacter: Bool {
        switch self {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// The value of a hex digit (either case), or nil for any other byte.
    @inlinable package var asciiHexValue: UInt8? {
        switch self {
        case 0x30...0x39: self - 0x30
        case 0x41...0x46: self - 0x41 + 10
        case 0x61...0x66: self - 0x61 + 10
        default: nil
        }
    }

    /// The lower-case hex digit for `nibble` (0–15), as written in `\u00XX` escapes and random tokens.
    @inlinable package static func asciiLowercaseHexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x61 - 10 + nibble
    }

    /// `A`–`Z` folded onto `a`–`z`; every other byte as it is.
    @inlinable package var asciiLowercased: UInt8 { (self >= 0x41 && self <= 0x5A) ? self | 0x20 : self }
}
