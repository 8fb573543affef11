/// The ZIS Registry (issue 15): registering an integration makes it, its Zendesk OAuth client
/// `zis_<integration>` and its built-in `zendesk` ZIS OAuth client. Callers are admins; the
/// routing layer has authenticated them.
extension ZISService {
    /// Registry names: up to 64 of lower-case `a-z`, digits, `-` and `_` [doc].
    package static let registryNameRule = "integration name must be 1-64 characters of a-z 0-9 _ -"

    /// `POST /api/services/zis/registry/{integration}`. An integration that exists already,
    /// registered or only seeded, is 409. `accountURL` (`scheme://host` of the request) is where
    /// the built-in `zendesk` client's authorize and token URLs point: at the mock itself.
    package func registerIntegration(_ name: String, description: String, accountURL: String) throws(ZISError) -> IntegrationRegistration {
        guard Self.isRegistryName(name) else { throw .registryInvalid(detail: Self.registryNameRule) }
        let secret = RandomToken.hex(byteCount: 32)
        let identifier = ZendeskOAuthClient.identifier(forIntegration: name)
        let stamp = Timestamp.format(secondsSinceEpoch: now())
        return try commit { state, changes throws(ZISError) -> IntegrationRegistration in
            guard state.integrations[name] == nil else { throw .registryConflict(name) }
            let registration = IntegrationRegistration(
                description: description, jwtPublicKey: Self.jwtPublicKey(),
                zendeskOAuthClient: ZendeskOAuthClient(id: state.zendeskOAuth.nextClientID, identifier: identifier, secret: secret))
            state.zendeskOAuth.nextClientID += 1
            let zendeskClient = OAuthClient(
                name: "zendesk", clientID: identifier, clientSecret: secret, authURL: accountURL + OAuthPaths.zendeskAuthorize,
                tokenURL: "\(accountURL)/oauth/tokens", defaultScopes: "read write", grantType: .authorizationCode,
                uuid: RandomToken.uuidV4(), createdAt: stamp, updatedAt: stamp)
            state.integrations[name] = IntegrationState(
                name: name, connections: Segmented(), oauthClients: [zendeskClient], registration: registration)
            changes.record(.integrationAdded(SeedIntegration(name: name, oauthClients: [zendeskClient], registration: registration)))
            return registration
        }
    }

    /// The account's admins, numbered (`AdminUser.id`).
    package var admins: [AdminUser] { state.withLock { $0.authorizer.admins } }

    /// `GET /api/services/zis/registry/integrations`: registered integrations in name order.
    package func registeredIntegrations() -> [(name: String, registration: IntegrationRegistration)] {
        state.withLock { state in
            state.integrations.values.compactMap { integration in integration.registration.map { (integration.name, $0) } }
        }.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    static func isRegistryName(_ name: String) -> Bool {
        NameRules.integrationNameLengths.contains(name.utf8.count)
            && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F }
    }

    /// A PEM block of the right shape [ours]: the mock signs no JWTs, so no real key is needed.
    private static func jwtPublicKey() -> String {
        let body = RandomToken.hex(byteCount: 48)
        return "-----BEGIN PUBLIC KEY-----\n\(body)\n-----END PUBLIC KEY-----\n"
    }
}

extension ZISError {
    /// The Registry's refusals keep the ZIS `code`s; the Registry's rows render them in its own envelope.
    static func registryInvalid(detail: String) -> ZISError {
        ZISError(status: 400, code: "InvalidParameter", title: "Bad Request", detail: detail)
    }

    static func registryConflict(_ name: String) -> ZISError {
        ZISError(status: 409, code: "AlreadyExists", title: "Conflict", detail: "Integration \(name) already exists")
    }
}
