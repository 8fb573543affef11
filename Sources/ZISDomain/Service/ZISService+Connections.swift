/// Typed connections: api_key, basic_auth, bearer_token (spec §4). Every call authorizes first
/// (spec §2 order, scope `write` [ours]), then validates the body, then touches state under the lock.
/// Bodies come back in the `{"<type>": {…}}` envelope with the secret masked (spec §1, §3).
extension ZISService {
    /// `POST …/connections/{type}` → the created connection's body (201).
    public func createConnection(
        type: ConnectionType, integration: String, authorization: String?, contentType: String?, body: [UInt8]
    ) throws(ZISError) -> [UInt8] {
        _ = try authorize(authorization: authorization, integration: integration)
        let fields = try RequestBody.fields(contentType: contentType, body: body, wrapper: type.rawValue)
        let connection = try TypedConnectionRequest.create(type: type, fields: fields, now: Timestamp.format(secondsSinceEpoch: clock()))
        try insertConnection(connection, integration: integration)
        return Self.envelope(connection)
    }

    /// `GET …/connections/{type}/{name}`; a name held by another type is 404 [ours].
    public func showConnection(type: ConnectionType, name: String, integration: String, authorization: String?) throws(ZISError) -> [UInt8] {
        _ = try authorize(authorization: authorization, integration: integration)
        guard let connection = connection(named: name, integration: integration), connection.type == type else {
            throw Self.unknownConnection(name)
        }
        return Self.envelope(connection)
    }

    /// `PATCH …/connections/{type}/{name}`: read, patch and write under one lock so concurrent
    /// updates never lose each other's fields.
    public func updateConnection(
        type: ConnectionType, name: String, integration: String, authorization: String?, contentType: String?, body: [UInt8]
    ) throws(ZISError) -> [UInt8] {
        _ = try authorize(authorization: authorization, integration: integration)
        let fields = try RequestBody.fields(contentType: contentType, body: body, wrapper: type.rawValue)
        let now = Timestamp.format(secondsSinceEpoch: clock())
        let updated = try state.withLock { state throws(ZISError) -> Connection in
            guard let existing = state.integrations[integration]?.connections.element(named: name), existing.type == type else {
                throw Self.unknownConnection(name)
            }
            let updated = try TypedConnectionRequest.update(existing, fields: fields, now: now)
            _ = state.integrations[integration]!.replace(updated)
            return updated
        }
        return Self.envelope(updated)
    }

    /// `DELETE …/connections/{type}/{name}` (204).
    public func deleteConnection(type: ConnectionType, name: String, integration: String, authorization: String?) throws(ZISError) {
        _ = try authorize(authorization: authorization, integration: integration)
        try state.withLock { state throws(ZISError) in
            guard let existing = state.integrations[integration]?.connections.element(named: name), existing.type == type else {
                throw Self.unknownConnection(name)
            }
            _ = state.integrations[integration]!.remove(named: name)
        }
    }

    /// `{"<type>": {…}}` with the fields of spec §3, secrets masked.
    static func envelope(_ connection: Connection) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 320)
        writer.raw("{")
        writer.string(connection.type.rawValue)
        writer.raw(":")
        writer.connection(connection)
        writer.raw("}")
        return writer.bytes
    }
}
