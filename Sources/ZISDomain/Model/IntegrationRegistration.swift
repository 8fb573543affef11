/// What registering an integration in the ZIS Registry made (issue 15): its description, the key
/// ZIS signs its JWTs with, and the Zendesk OAuth client through which tokens for it are minted.
public struct IntegrationRegistration: Sendable, Equatable {
    public var description: String
    public var jwtPublicKey: String
    public var zendeskOAuthClient: ZendeskOAuthClient

    public init(description: String, jwtPublicKey: String, zendeskOAuthClient: ZendeskOAuthClient) {
        self.description = description
        self.jwtPublicKey = jwtPublicKey
        self.zendeskOAuthClient = zendeskOAuthClient
    }
}

/// A Zendesk (not ZIS) OAuth client: `/oauth/tokens` takes its `identifier` and secret,
/// `/api/v2/oauth/tokens` its numeric `id`. A registered integration's is `zis_<integration>`.
public struct ZendeskOAuthClient: Sendable, Equatable {
    public var id: Int
    public var identifier: String
    public var secret: String

    public init(id: Int, identifier: String, secret: String) {
        self.id = id
        self.identifier = identifier
        self.secret = secret
    }

    /// `zis_<integration>` [doc].
    public static func identifier(forIntegration integration: String) -> String { "zis_" + integration }
}
