import ZISMockBasics

/// Appends compact JSON to a byte buffer. Responses are rendered with this rather than
/// Foundation's JSONEncoder: field order is part of the contract (spec §3), and the list
/// endpoint is a hot path that should cost one buffer and no intermediate values.
package struct JSONWriter: Sendable {
    // Settable across the package: `JSONWriter+Value` appends number lexemes verbatim, and the
    // routing layer's renderers append keys prepared as bytes.
    package var bytes: [UInt8]

    package init(reservingCapacity capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Structural text and keys known at compile time, appended verbatim (must already be valid JSON).
    package mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A JSON string literal: `"` and `\` are escaped, control characters become `\u00XX`,
    /// everything else (including non-ASCII UTF-8) passes through unchanged.
    package mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(for: byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A string, or `null` when absent (e.g. `meta.after` on an empty page, spec §3).
    package mutating func stringOrNull(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    package mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    package mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    private mutating func appendEscape(for byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        default:
            raw("\\u00")
            bytes.append(.asciiLowercaseHexDigit(byte >> 4))
            bytes.append(.asciiLowercaseHexDigit(byte & 0x0F))
        }
    }
}
