/// OAuth clients and OAuth connections (spec §5). Bearer-authorized like every ZIS endpoint,
/// except the callback, whose verification code is the credential [ours].
extension ZISService {
    /// How long minted access tokens live (`token_expiry` = creation + this) [ours].
    package static let mintedTokenLifetimeSeconds = 3600

    // MARK: Clients

    /// `GET …/oauth/clients/{integration}`.
    package func oauthClients(integration: String) -> [OAuthClient] {
        state.withLock { $0.integrations[integration]?.oauthClients ?? [] }
    }

    /// `POST …/oauth/clients/{integration}`; a client name already used → 409.
    package func createOAuthClient(_ client: OAuthClient, integration: String) throws(ZISError) -> OAuthClient {
        try commit { state, changes throws(ZISError) in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            guard !state.integrations[integration]!.oauthClients.contains(where: { $0.name == client.name }) else {
                throw .conflict(detail: "An OAuth client named \(client.name) already exists")
            }
            state.integrations[integration]!.oauthClients.append(client)
            changes.record(.oauthClientsSet(integration: integration, state.integrations[integration]!.oauthClients))
        }
        return client
    }

    /// `PATCH …/oauth/clients/{integration}/{uuid}`; a name another client has → 409.
    package func updateOAuthClient(uuid: String, integration: String, with patch: OAuthClientPatch) throws(ZISError) -> OAuthClient {
        try commit { state, changes throws(ZISError) -> OAuthClient in
            guard let clients = state.integrations[integration]?.oauthClients,
                let index = clients.firstIndex(where: { $0.uuid == uuid })
            else { throw Self.unknownClient(uuid) }
            let updated = try patch.applied(to: clients[index])
            if clients.enumerated().contains(where: { $0.offset != index && $0.element.name == updated.name }) {
                throw .conflict(detail: "An OAuth client named \(updated.name) already exists")
            }
            state.integrations[integration]!.oauthClients[index] = updated
            changes.record(.oauthClientsSet(integration: integration, state.integrations[integration]!.oauthClients))
            return updated
        }
    }

    /// `DELETE …/oauth/clients/{integration}/{uuid}` (204). Connections made with it stay [ours].
    package func deleteOAuthClient(uuid: String, integration: String) throws(ZISError) {
        try commit { state, changes throws(ZISError) in
            guard let index = state.integrations[integration]?.oauthClients.firstIndex(where: { $0.uuid == uuid }) else {
                throw Self.unknownClient(uuid)
            }
            state.integrations[integration]!.oauthClients.remove(at: index)
            changes.record(.oauthClientsSet(integration: integration, state.integrations[integration]!.oauthClients))
        }
    }

    // MARK: Connections

    /// `POST …/oauth/start/{integration}` → the `redirect_url`: the mock's own callback under
    /// `callbackBase` (`scheme://host` of the request, so the URL never names the bind address,
    /// spec §1), carrying a fresh single-use verification code.
    package func startOAuthFlow(_ start: OAuthFlowStart, integration: String, callbackBase: String) throws(ZISError) -> String {
        let code = RandomToken.hex(byteCount: 24)
        // Not logged (`withLock`, not `commit`): a pending flow is not kept across a restart [ours].
        try state.withLock { state throws(ZISError) in
            guard let integrationState = state.integrations[integration] else { throw Self.unknownIntegration(integration) }
            let client = try Self.resolveClient(start, in: integrationState.oauthClients)
            guard integrationState.connections.element(named: start.name) == nil else {
                throw .conflict(detail: "A connection named \(start.name) already exists")
            }
            if state.pendingOAuthFlows.count >= PendingOAuthFlow.maximumPending {
                state.pendingOAuthFlows.remove(at: state.pendingOAuthFlows.startIndex)
            }
            state.pendingOAuthFlows[code] = PendingOAuthFlow(
                integration: integration, name: start.name, clientUUID: client.uuid,
                grantType: start.grantType ?? client.grantType,
                permissionScopes: start.permissionScopes ?? client.defaultScopes,
                oauthURLSubdomain: start.oauthURLSubdomain, originRedirectURL: start.originRedirectURL)
        }
        return "\(callbackBase)\(OAuthPaths.callback)?\(OAuthPaths.verificationCodeParameter)=\(code)"
    }

    /// The fetch of a `redirect_url`: consumes the verification code (single use) and creates the
    /// OAuth connection with freshly minted tokens. Unknown or used code → 400; the name taken
    /// meanwhile → 409.
    package func completeOAuthFlow(verificationCode code: String) throws(ZISError) -> OAuthCompletion {
        let now = self.now()
        let accessToken = "oauth_at_" + RandomToken.hex(byteCount: 16)
        let refreshToken = "oauth_rt_" + RandomToken.hex(byteCount: 16)
        let uuid = RandomToken.uuidV4()
        return try commit { state, changes throws(ZISError) -> OAuthCompletion in
            guard let flow = state.pendingOAuthFlows.removeValue(forKey: code) else {
                throw .badRequest(detail: "verification_code is unknown or has already been used")
            }
            let responseBody = Self.tokenResponseBody(
                accessToken: accessToken, refreshToken: refreshToken, scope: flow.permissionScopes)
            let connection = Connection(
                name: flow.name, createdAt: Timestamp.format(secondsSinceEpoch: now),
                updatedAt: Timestamp.format(secondsSinceEpoch: now),
                payload: .oauth(
                    OAuthConnectionFields(
                        accessToken: accessToken, oauthAccessTokenResponseBody: responseBody,
                        oauthURLSubdomain: flow.oauthURLSubdomain, permissionScope: flow.permissionScopes,
                        refreshToken: refreshToken,
                        tokenExpiry: Timestamp.format(secondsSinceEpoch: now + Self.mintedTokenLifetimeSeconds),
                        tokenType: "bearer", uuid: uuid)))
            guard state.integrations[flow.integration] != nil else { throw Self.unknownIntegration(flow.integration) }
            guard state.integrations[flow.integration]!.insert(connection) else {
                throw .conflict(detail: "A connection named \(flow.name) already exists")
            }
            changes.record(.connectionSaved(integration: flow.integration, connection))
            return OAuthCompletion(connection: connection, redirectURL: flow.originRedirectURL)
        }
    }

    /// `GET /api/services/zis/connections/{integration}?name=…|uuid=…`.
    package func oauthConnection(_ selector: OAuthSelector, integration: String) throws(ZISError) -> Connection {
        try state.withLock { state throws(ZISError) -> Connection in
            try Self.findOAuthConnection(selector, in: state.integrations[integration])
        }
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

    /// What a provider's token endpoint would have answered, kept as `oauth_access_token_response_body`.
    static func tokenResponseBody(accessToken: String, refreshToken: String, scope: String) -> String {
        var writer = JSONWriter(reservingCapacity: 200)
        writer.raw("{\"access_token\":")
        writer.string(accessToken)
        writer.raw(",\"token_type\":\"bearer\",\"expires_in\":")
        writer.integer(mintedTokenLifetimeSeconds)
        writer.raw(",\"refresh_token\":")
        writer.string(refreshToken)
        writer.raw(",\"scope\":")
        writer.string(scope)
        writer.raw("}")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func unknownClient(_ uuid: String) -> ZISError {
        .notFound(detail: "OAuth client \(uuid) does not exist")
    }
}
