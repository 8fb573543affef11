/// Typed connections: api_key, basic_auth and bearer_token (spec §4). The caller has authorized
/// the request (spec §2 order: route, authenticate, authorize, then validate); these validate
/// against state and touch it under the lock.
extension ZISService {
    /// `POST …/connections/{type}`: the draft stamped with the service's clock.
    package func createConnection(_ draft: ConnectionDraft, integration: String) throws(ZISError) -> Connection {
        let now = Timestamp.format(secondsSinceEpoch: self.now())
        let connection = Connection(name: draft.name, createdAt: now, updatedAt: now, payload: draft.payload)
        try insertConnection(connection, integration: integration)
        return connection
    }

    /// `GET …/connections/{type}/{name}`; a name held by another type is 404 [ours].
    package func connection(type: ConnectionType, name: String, integration: String) throws(ZISError) -> Connection {
        guard let connection = connection(named: name, integration: integration), connection.type == type else {
            throw Self.unknownConnection(name)
        }
        return connection
    }

    /// `PATCH …/connections/{type}/{name}`: read, patch and write under one lock so concurrent
    /// updates never lose each other's fields.
    package func updateConnection(
        type: ConnectionType, name: String, integration: String, with patch: ConnectionPatch
    ) throws(ZISError) -> Connection {
        let now = Timestamp.format(secondsSinceEpoch: self.now())
        return try commit { state, changes throws(ZISError) -> Connection in
            guard let existing = state.integrations[integration]?.connections.element(named: name), existing.type == type else {
                throw Self.unknownConnection(name)
            }
            let updated = try patch.applied(to: existing, now: now)
            _ = state.integrations[integration]!.replace(updated)
            changes.record(.connectionSaved(integration: integration, updated))
            return updated
        }
    }

    /// `DELETE …/connections/{type}/{name}` (204).
    package func deleteConnection(type: ConnectionType, name: String, integration: String) throws(ZISError) {
        try commit { state, changes throws(ZISError) in
            guard let existing = state.integrations[integration]?.connections.element(named: name), existing.type == type else {
                throw Self.unknownConnection(name)
            }
            _ = state.integrations[integration]!.remove(named: name)
            changes.record(.connectionRemoved(integration: integration, name: name))
        }
    }
}
