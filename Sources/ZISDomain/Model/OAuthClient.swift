/// An OAuth client registered for an integration (spec §5, issue 16): what ZIS needs to run an
/// OAuth flow with a provider. Fields as Zendesk's OAuth Clients JSON format lists them [doc:
/// `auth_url`, `client_id`, `client_secret`, `created_at`, `created_by`, `default_scopes`,
/// `grant_type`, `integration` (the owner, not stored here), `token_url`, `updated_at`, `uuid`]
/// plus `name`, which start requests look clients up by.
public struct OAuthClient: Sendable, Equatable {
    public var name: String
    public var clientID: String
    public var clientSecret: String
    /// May hold the subdomain placeholder (`OAuthURLTemplate`) that a flow's `oauth_url_subdomain` fills.
    public var authURL: String
    public var tokenURL: String
    public var defaultScopes: String
    public var grantType: GrantType
    public var uuid: String
    /// RFC 3339 UTC text, like a connection's.
    public var createdAt: String
    public var updatedAt: String
    /// The id of the admin whose token created it; "" when unknown (seeded tokens) [ours].
    public var createdBy: String

    public enum GrantType: String, Sendable, CaseIterable {
        case authorizationCode = "authorization_code"
        case clientCredentials = "client_credentials"
    }

    public init(
        name: String, clientID: String, clientSecret: String, authURL: String, tokenURL: String,
        defaultScopes: String, grantType: GrantType, uuid: String, createdAt: String = "", updatedAt: String = "",
        createdBy: String = ""
    ) {
        self.name = name
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.authURL = authURL
        self.tokenURL = tokenURL
        self.defaultScopes = defaultScopes
        self.grantType = grantType
        self.uuid = uuid
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.createdBy = createdBy
    }
}
