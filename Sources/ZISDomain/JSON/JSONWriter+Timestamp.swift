extension JSONWriter {
    /// The literal every secret is rendered as (spec §1 [doc]): secrets are write-only.
    package static let maskedSecret: StaticString = "\"*****\""

    /// Straight from the packed digits, which need no escaping; no `String` is made per field.
    package mutating func timestamp(_ value: CompactTimestamp) {
        guard value.isPacked else { return string(value.text) }
        bytes.append(UInt8(ascii: "\""))
        value.appendText(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
}
