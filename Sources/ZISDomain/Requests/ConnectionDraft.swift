/// A connection a client asked for, checked against its type's `ConnectionSchema` (spec §4):
/// every field present and valid, nothing unknown. The service stamps its timestamps.
package struct ConnectionDraft: Sendable, Equatable {
    package let name: String
    package let payload: ConnectionPayload

    /// From a create body (`POST …/connections/{type}`).
    package init(type: ConnectionType, fields: RequestFields) throws(ZISError) {
        try fields.rejectUnknown(allowed: ["name"] + ConnectionSchema.of(type).fields.map(\.key))
        try self.init(type: type) { key throws(ZISError) in try fields.nonEmptyString(key) }
    }

    /// From the Swift embedding: the same rules as a create body, so a value refused over HTTP
    /// is refused here too. An empty value counts as absent.
    package init(type: ConnectionType, name: String, values: [String: String]) throws(ZISError) {
        let schema = ConnectionSchema.of(type)
        if let unknown = values.keys.sorted().first(where: { key in !schema.fields.contains { $0.key == key } }) {
            throw .unknownField(unknown, allowed: schema.fields.map(\.key))
        }
        try self.init(type: type) { key in
            key == "name" ? name : values[key].flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// Reads `name`, then each field in schema order; the first missing or invalid one is reported.
    private init(type: ConnectionType, value: (String) throws(ZISError) -> String?) throws(ZISError) {
        let schema = ConnectionSchema.of(type)
        guard let name = try value("name") else { throw .badRequest(detail: "name is required") }
        guard NameRules.isValidConnectionName(name) else { throw .badRequest(detail: NameRules.connectionNameRule) }
        var values: [String] = []
        values.reserveCapacity(schema.fields.count)
        for field in schema.fields {
            guard let text = try value(field.key) ?? field.defaultValue else { throw .badRequest(detail: "\(field.key) is required") }
            if let violation = field.rule?.violation(by: text) { throw .badRequest(detail: violation) }
            values.append(text)
        }
        self.name = name
        self.payload = schema.makePayload(values)
    }
}
