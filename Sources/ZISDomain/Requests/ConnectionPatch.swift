/// The changes of a `PATCH …/connections/{type}/{name}` body (spec §4). Checked against the
/// connection it applies to, under the store's lock, so concurrent updates never lose fields.
package struct ConnectionPatch: Sendable {
    let fields: RequestFields

    package init(fields: RequestFields) {
        self.fields = fields
    }

    /// Secrets, `header_name` and `username` may change; `name` and `allowed_domain` may be
    /// repeated unchanged but not changed [doc: Admin Center]. Which is which is the schema's.
    func applied(to connection: Connection, now: String) throws(ZISError) -> Connection {
        let schema = ConnectionSchema.of(connection.type)
        try fields.rejectUnknown(allowed: ["name"] + schema.fields.map(\.key))
        if let name = try fields.string("name"), name != connection.name {
            throw .badRequest(detail: "name cannot be changed after creation")
        }
        var values = schema.values(of: connection.payload)
        for (index, field) in schema.fields.enumerated() where !field.isPatchable {
            if let value = try fields.string(field.key), value != values[index] {
                throw .badRequest(detail: "\(field.key) cannot be changed after creation")
            }
        }
        for (index, field) in schema.fields.enumerated() where field.isPatchable {
            guard let value = try fields.nonEmptyString(field.key) else { continue }
            if let violation = field.rule?.violation(by: value) { throw .badRequest(detail: violation) }
            values[index] = value
        }
        var updated = connection
        updated.payload = schema.makePayload(values)
        updated.updatedAt = now
        return updated
    }
}
