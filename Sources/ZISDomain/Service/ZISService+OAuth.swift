/// OAuth clients and OAuth connections (spec §5). Bearer-authorized like every ZIS endpoint,
/// except the callback, whose verification code is the credential [ours].
extension ZISService {
    /// How long minted access tokens live (`token_expiry` = creation + this) [ours].
    public static let mintedTokenLifetimeSeconds = 3600

    // MARK: Clients

    /// `GET …/oauth/clients/{integration}` → `{"clients":[…]}`, secrets masked.
    public func listOAuthClients(integration: String, authorization: String?) throws(ZISError) -> [UInt8] {
        _ = try authorize(authorization: authorization, integration: integration)
        let clients = state.withLock { $0.integrations[integration]?.oauthClients ?? [] }
        var writer = JSONWriter(reservingCapacity: 32 + clients.count * 256)
        writer.raw("{\"clients\":[")
        for (index, client) in clients.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.oauthClient(client)
        }
        writer.raw("]}")
        return writer.bytes
    }

    /// `POST …/oauth/clients/{integration}` → `{"uuid":"…"}`; a client name already used → 409.
    public func createOAuthClient(
        integration: String, authorization: String?, contentType: String?, body: [UInt8]
    ) throws(ZISError) -> [UInt8] {
        _ = try authorize(authorization: authorization, integration: integration)
        let client = try OAuthRequests.createClient(fields: try RequestBody.fields(contentType: contentType, body: body))
        try state.withLock { state throws(ZISError) in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            guard !state.integrations[integration]!.oauthClients.contains(where: { $0.name == client.name }) else {
                throw .conflict(detail: "An OAuth client named \(client.name) already exists")
            }
            state.integrations[integration]!.oauthClients.append(client)
        }
        var writer = JSONWriter(reservingCapacity: 48)
        writer.raw("{\"uuid\":")
        writer.string(client.uuid)
        writer.raw("}")
        return writer.bytes
    }

    /// `PATCH …/oauth/clients/{integration}/{uuid}` → `{"client":{…}}` [ours], secret masked.
    public func updateOAuthClient(
        uuid: String, integration: String, authorization: String?, contentType: String?, body: [UInt8]
    ) throws(ZISError) -> [UInt8] {
        _ = try authorize(authorization: authorization, integration: integration)
        let fields = try RequestBody.fields(contentType: contentType, body: body, wrapper: "client")
        let updated = try state.withLock { state throws(ZISError) -> OAuthClient in
            guard let clients = state.integrations[integration]?.oauthClients,
                let index = clients.firstIndex(where: { $0.uuid == uuid })
            else { throw Self.unknownClient(uuid) }
            let updated = try OAuthRequests.updateClient(clients[index], fields: fields)
            if clients.enumerated().contains(where: { $0.offset != index && $0.element.name == updated.name }) {
                throw .conflict(detail: "An OAuth client named \(updated.name) already exists")
            }
            state.integrations[integration]!.oauthClients[index] = updated
            return updated
        }
        var writer = JSONWriter(reservingCapacity: 320)
        writer.raw("{\"client\":")
        writer.oauthClient(updated)
        writer.raw("}")
        return writer.bytes
    }

    /// `DELETE …/oauth/clients/{integration}/{uuid}` (204). Connections made with it stay [ours].
    public func deleteOAuthClient(uuid: String, integration: String, authorization: String?) throws(ZISError) {
        _ = try authorize(authorization: authorization, integration: integration)
        try state.withLock { state throws(ZISError) in
            guard let index = state.integrations[integration]?.oauthClients.firstIndex(where: { $0.uuid == uuid }) else {
                throw Self.unknownClient(uuid)
            }
            state.integrations[integration]!.oauthClients.remove(at: index)
        }
    }

    // MARK: Connections

    /// `POST …/oauth/start/{integration}` → `{"redirect_url":"http://<Host>/…/oauth/callback?verification_code=…"}`.
    /// `host` is the request's `Host` header and `scheme` its scheme: the URL never names the bind
    /// address (spec §1), and a client that came over HTTPS is sent back over HTTPS.
    public func startOAuthFlow(
        integration: String, authorization: String?, contentType: String?, body: [UInt8], host: String?, scheme: String = "http"
    ) throws(ZISError) -> [UInt8] {
        _ = try authorize(authorization: authorization, integration: integration)
        let start = try OAuthRequests.start(fields: try RequestBody.fields(contentType: contentType, body: body))
        let host = try Self.validatedHost(host)
        let code = RandomToken.hex(byteCount: 24)
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
        var writer = JSONWriter(reservingCapacity: 160)
        writer.raw("{\"redirect_url\":")
        writer.string("\(scheme)://\(host)\(OAuthPaths.callback)?\(OAuthPaths.verificationCodeParameter)=\(code)")
        writer.raw("}")
        return writer.bytes
    }

    /// The fetch of a `redirect_url`: consumes the verification code (single use) and creates the
    /// OAuth connection with freshly minted tokens. Unknown or used code → 400; the name taken
    /// meanwhile → 409.
    public func completeOAuthFlow(query: [(String, String)]) throws(ZISError) -> OAuthCompletion {
        guard let code = query.last(where: { $0.0 == OAuthPaths.verificationCodeParameter })?.1, !code.isEmpty else {
            throw .badRequest(detail: "verification_code is required")
        }
        let now = clock()
        let accessToken = "oauth_at_" + RandomToken.hex(byteCount: 16)
        let refreshToken = "oauth_rt_" + RandomToken.hex(byteCount: 16)
        let uuid = RandomToken.uuidV4()
        let created = try state.withLock { state throws(ZISError) -> (Connection, String?) in
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
            return (connection, flow.originRedirectURL)
        }
        return OAuthCompletion(body: Self.envelope(created.0), redirectURL: created.1)
    }

    /// `GET /api/services/zis/connections/{integration}?name=…|uuid=…` → `{"oauth":{…}}` [ours: envelope].
    public func showOAuthConnection(integration: String, authorization: String?, query: [(String, String)]) throws(ZISError) -> [UInt8] {
        _ = try authorize(authorization: authorization, integration: integration)
        let selector = try Self.oauthSelector(query)
        let connection = try state.withLock { state throws(ZISError) -> Connection in
            try Self.findOAuthConnection(selector, in: state.integrations[integration])
        }
        return Self.envelope(connection)
    }

    /// `DELETE /api/services/zis/connections/{integration}?name=…|uuid=…` (204) [ours].
    public func deleteOAuthConnection(integration: String, authorization: String?, query: [(String, String)]) throws(ZISError) {
        _ = try authorize(authorization: authorization, integration: integration)
        let selector = try Self.oauthSelector(query)
        try state.withLock { state throws(ZISError) in
            let connection = try Self.findOAuthConnection(selector, in: state.integrations[integration])
            _ = state.integrations[integration]!.remove(named: connection.name)
        }
    }

    // MARK: Helpers

    enum OAuthSelector {
        case name(String)
        case uuid(String)
    }

    static func oauthSelector(_ query: [(String, String)]) throws(ZISError) -> OAuthSelector {
        if let name = query.last(where: { $0.0 == "name" })?.1, !name.isEmpty { return .name(name) }
        if let uuid = query.last(where: { $0.0 == "uuid" })?.1, !uuid.isEmpty { return .uuid(uuid) }
        throw .badRequest(detail: "name or uuid is required")
    }

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

    static func resolveClient(_ start: OAuthRequests.Start, in clients: [OAuthClient]) throws(ZISError) -> OAuthClient {
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

    /// The request's `Host`, or `localhost` when absent [ours]; anything that is not a plausible
    /// `host[:port]` is refused, since it is copied into a URL.
    static func validatedHost(_ host: String?) throws(ZISError) -> String {
        guard let host, !host.isEmpty else { return "localhost" }
        let isHostByte = { (byte: UInt8) -> Bool in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "]"):
                true
            default:
                false
            }
        }
        guard host.utf8.count <= 255, host.utf8.allSatisfy(isHostByte) else {
            throw .badRequest(detail: "Host header is not a valid host name")
        }
        return host
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
