import ZISDomain

/// Builders shared by the test targets (FlyingFox's `+Mock` fixtures): a small seeded world of
/// two integrations and connections of every type.
package enum Fixture {
    package static let token = "test-read-write-token"
    package static let readOnlyToken = "test-read-only-token"
    package static let otherToken = "test-other-integration-token"
    package static let integration = "acme"
    package static let otherIntegration = "other"
    package static let stamp = "2024-01-15T09:00:00Z"

    package static func connection(_ name: String, type: ConnectionType = .apiKey, secret: String = "s3cret-value") -> Connection {
        let payload: ConnectionPayload =
            switch type {
            case .apiKey: .apiKey(APIKeyFields(allowedDomain: "api.example.com", headerName: "X-Api-Key", apiKey: secret))
            case .basicAuth: .basicAuth(BasicAuthFields(allowedDomain: "api.example.com", username: "bot", password: secret))
            case .bearerToken: .bearerToken(BearerTokenFields(allowedDomain: "api.example.com", token: secret))
            case .oauth: .oauth(OAuthConnectionFields(accessToken: "at-\(name)", refreshToken: "rt-\(name)"))
            }
        return Connection(name: name, createdAt: stamp, updatedAt: stamp, payload: payload)
    }

    /// `count` connections named `c0000`, `c0001`, … cycling through the four types.
    package static func connections(_ count: Int) -> [Connection] {
        (0..<count).map { index in
            connection(name(index), type: ConnectionType.allCases[index % 4])
        }
    }

    package static func name(_ index: Int) -> String {
        let digits = String(index)
        return "c" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    package static func seed(connections: [Connection]) -> Seed {
        Seed(integrations: [
            SeedIntegration(
                name: integration,
                tokens: [
                    SeedToken(token: token, scopes: [.read, .write]),
                    SeedToken(token: readOnlyToken, scopes: [.read]),
                ],
                connections: connections),
            SeedIntegration(
                name: otherIntegration, tokens: [SeedToken(token: otherToken, scopes: [.read, .write])]),
        ])
    }

    package static func service(connectionCount: Int) -> ZISService {
        ZISService(seed: seed(connections: connections(connectionCount)))
    }
}
