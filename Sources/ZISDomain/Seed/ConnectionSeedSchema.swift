/// A connection type's `ConnectionSchema` as the seed decoder reads it (spec §7): the allowed
/// keys (`name`, the type's fields, then its timestamps) by position, which of them are
/// required, and where the decoder's special cases sit. Worked out once per type, not once per
/// connection: a seed can hold a million.
struct ConnectionSeedSchema {
    let schema: ConnectionSchema
    /// The keys before this position are required: `name` and the fields without a default,
    /// which every schema lists before its optional ones.
    let requiredCount: Int
    let keys: AllowedKeys
    let domainSlot: Int?
    let createdSlot: Int?
    let updatedSlot: Int?
    /// The slots whose values must pass a rule other than the domain's (checked apart, see the decoder).
    let ruledSlots: [(slot: Int, rule: FieldRule)]

    /// Slot of field `index` of the schema: `name` is slot 0.
    static func slot(ofField index: Int) -> Int { index + 1 }

    private init(_ type: ConnectionType) {
        schema = ConnectionSchema.of(type)
        let fieldKeys = schema.fields.map(\.key)
        let keys = ["name"] + fieldKeys + (schema.hasTimestamps ? ["created_at", "updated_at"] : [])
        let required = schema.fields.prefix { $0.defaultValue == nil }.count
        precondition(
            !schema.fields.dropFirst(required).contains { $0.defaultValue == nil },
            "a schema lists its required fields before its optional ones")
        requiredCount = 1 + required
        defaults = schema.fields.map { $0.defaultValue ?? "" }
        self.keys = AllowedKeys(keys)
        domainSlot = keys.firstIndex(of: ConnectionField.allowedDomain.key)
        createdSlot = keys.firstIndex(of: "created_at")
        updatedSlot = keys.firstIndex(of: "updated_at")
        ruledSlots = schema.fields.enumerated().compactMap { index, field in
            guard let rule = field.rule, field.key != ConnectionField.allowedDomain.key else { return nil }
            return (Self.slot(ofField: index), rule)
        }
    }

    /// What each of the schema's fields is when left out, in `schema.fields` order ("" for the
    /// required ones, which are never left out by the time a payload is made).
    let defaults: [String]

    /// The payload from the strings a connection object gave, by slot (nil: left out). `values`
    /// is the caller's working array, reused from connection to connection.
    func payload(_ fields: [SeedDecoder.FieldValue?], values: inout [String]) -> ConnectionPayload {
        values.removeAll(keepingCapacity: true)
        for (index, fallback) in defaults.enumerated() {
            values.append(fields[Self.slot(ofField: index)]?.stringText ?? fallback)
        }
        return schema.makePayload(values)
    }

    private static let all = ConnectionType.allCases.map(ConnectionSeedSchema.init)

    /// A schema sharing no storage with `of(type)`'s, for a thread of its own.
    static func fresh(_ type: ConnectionType) -> ConnectionSeedSchema { ConnectionSeedSchema(type) }

    static func of(_ type: ConnectionType) -> ConnectionSeedSchema {
        all[ConnectionType.allCases.firstIndex(of: type)!]
    }
}
