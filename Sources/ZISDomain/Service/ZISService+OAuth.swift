/// OAuth clients and OAuth connections (spec §5, issue 16); the flow that makes connections is
/// `ZISService+OAuthFlow`. Bearer-authorized like every ZIS endpoint.
extension ZISService {
    // MARK: Clients

    /// `GET …/oauth/clients/{integration}`.
    package func oauthClients(integration: String) -> [OAuthClient] {
        state.withLock { $0.integrations[integration]?.oauthClients ?? [] }
    }

    /// `POST …/oauth/clients/{integration}`; a client name already used → 409. Stamped with the
    /// service's time and `created_by`: the id of the admin the token belongs to.
    package func createOAuthClient(_ client: OAuthClient, integration: String, by grant: TokenGrant?) throws(ZISError) -> OAuthClient {
        let stamp = Timestamp.format(secondsSinceEpoch: now())
        return try commit { state, changes throws(ZISError) -> OAuthClient in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            guard !state.integrations[integration]!.oauthClients.contains(where: { $0.name == client.name }) else {
                throw .conflict(detail: "An OAuth client named \(client.name) already exists")
            }
            var created = client
            (created.createdAt, created.updatedAt) = (stamp, stamp)
            created.createdBy = grant?.owner.flatMap { owner in state.authorizer.admins.first { $0.email == owner } }.map { String($0.id) } ?? ""
            state.integrations[integration]!.oauthClients.append(created)
            changes.record(.oauthClientsSet(integration: integration, state.integrations[integration]!.oauthClients))
            return created
        }
    }

    /// `PATCH …/oauth/clients/{integration}/{uuid}`; a name another client has → 409.
    package func updateOAuthClient(uuid: String, integration: String, with patch: OAuthClientPatch) throws(ZISError) -> OAuthClient {
        let stamp = Timestamp.format(secondsSinceEpoch: now())
        return try commit { state, changes throws(ZISError) -> OAuthClient in
            guard let clients = state.integrations[integration]?.oauthClients,
                let index = clients.firstIndex(where: { $0.uuid == uuid })
            else { throw Self.unknownClient(uuid) }
            var updated = try patch.applied(to: clients[index])
            if clients.enumerated().contains(where: { $0.offset != index && $0.element.name == updated.name }) {
                throw .conflict(detail: "An OAuth client named \(updated.name) already exists")
            }
            updated.updatedAt = stamp
            state.integrations[integration]!.oauthClients[index] = updated
            changes.record(.oauthClientsSet(integration: integration, state.integrations[integration]!.oauthClients))
            return updated
        }
    }

    /// `DELETE …/oauth/clients/{integration}/{uuid}` (204). The connections its flows made go
    /// with it [field], unless the service keeps them (`--keep-oauth-connections`).
    package func deleteOAuthClient(uuid: String, integration: String) throws(ZISError) {
        try commit { state, changes throws(ZISError) in
            guard let index = state.integrations[integration]?.oauthClients.firstIndex(where: { $0.uuid == uuid }) else {
                throw Self.unknownClient(uuid)
            }
            state.integrations[integration]!.oauthClients.remove(at: index)
            changes.record(.oauthClientsSet(integration: integration, state.integrations[integration]!.oauthClients))
            guard !keepsConnectionsOfDeletedClients else { return }
            var made: [String] = []
            for connection in state.integrations[integration]!.connections {
                if case .oauth(let fields) = connection.payload, fields.oauthClientUUID == uuid { made.append(connection.name) }
            }
            for name in made {
                _ = state.integrations[integration]!.remove(named: name)
                changes.record(.connectionRemoved(integration: integration, name: name))
            }
        }
    }

    // MARK: Connections

    /// `GET /api/services/zis/connections/{integration}?name=…|uuid=…`, refreshed first if its
    /// token has expired (`ZISService+OAuthRefresh`).
    package func oauthConnection(_ selector: OAuthSelector, integration: String) throws(ZISError) -> Connection {
        let found = try state.withLock { state throws(ZISError) -> Connection in
            try Self.findOAuthConnection(selector, in: state.integrations[integration])
        }
        return refreshedIfExpired(found, integration: integration)
    }

    /// `DELETE /api/services/zis/connections/{integration}?name=…|uuid=…` (204) [ours].
    package func deleteOAuthConnection(_ selector: OAuthSelector, integration: String) throws(ZISError) {
        try commit { state, changes throws(ZISError) in
            let connection = try Self.findOAuthConnection(selector, in: state.integrations[integration])
            _ = state.integrations[integration]!.remove(named: connection.name)
            changes.record(.connectionRemoved(integration: integration, name: connection.name))
        }
    }

    // MARK: Helpers

    static func findOAuthConnection(_ selector: OAuthSelector, in integration: IntegrationState?) throws(ZISError) -> Connection {
        guard let integration else { throw .notFound(detail: "OAuth connection does not exist") }
        switch selector {
        case .name(let name):
            guard let connection = integration.connections.element(named: name), connection.type == .oauth else {
                throw .notFound(detail: "OAuth connection \(name) does not exist")
            }
            return connection
        case .uuid(let uuid):
            // A linear scan: lookups by uuid are rare and the store is keyed by name.
            for connection in integration.connections {
                if case .oauth(let fields) = connection.payload, fields.uuid == uuid { return connection }
            }
            throw .notFound(detail: "OAuth connection with uuid \(uuid) does not exist")
        }
    }

    static func resolveClient(_ start: OAuthFlowStart, in clients: [OAuthClient]) throws(ZISError) -> OAuthClient {
        var resolved: OAuthClient?
        if let uuid = start.clientUUID {
            guard let found = clients.first(where: { $0.uuid == uuid }) else { throw unknownClient(uuid) }
            resolved = found
        }
        if let name = start.clientName {
            guard let found = clients.first(where: { $0.name == name }) else { throw unknownClient(name) }
            if let resolved, resolved.uuid != found.uuid {
                throw .badRequest(detail: "oauth_client_name and oauth_client_uuid name different clients")
            }
            resolved = found
        }
        guard let resolved else { throw .badRequest(detail: "oauth_client_name or oauth_client_uuid is required") }
        return resolved
    }

    static func unknownClient(_ uuid: String) -> ZISError {
        .notFound(detail: "OAuth client \(uuid) does not exist")
    }
}
