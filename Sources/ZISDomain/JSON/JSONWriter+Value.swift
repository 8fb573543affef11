extension JSONWriter {
    /// A parsed value written back compactly, with the string value of every member whose key is
    /// in `maskedKeys` (at any depth) replaced by the `"*****"` mask. This is how the request
    /// journal keeps request bodies without ever keeping a secret (spec §1).
    package mutating func value(_ value: JSONValue, maskingKeys maskedKeys: Set<String> = []) {
        switch value.kind {
        case .null: raw("null")
        case .bool(let flag): bool(flag)
        case .number(let lexeme): bytes.append(contentsOf: lexeme.utf8)
        case .string(let text): string(text)
        case .array(let elements):
            raw("[")
            for (index, element) in elements.enumerated() {
                if index > 0 { raw(",") }
                self.value(element, maskingKeys: maskedKeys)
            }
            raw("]")
        case .object(let members):
            raw("{")
            for (index, member) in members.enumerated() {
                if index > 0 { raw(",") }
                string(member.key)
                raw(":")
                if maskedKeys.contains(member.key), case .string = member.value.kind {
                    raw(Self.maskedSecret)
                } else {
                    self.value(member.value, maskingKeys: maskedKeys)
                }
            }
            raw("}")
        }
    }
}
