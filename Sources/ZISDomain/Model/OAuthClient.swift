/// An OAuth client registered for an integration (spec §5). Loaded and kept from seeds now so
/// a seed round-trips; the OAuth endpoints that use it come later.
public struct OAuthClient: Sendable, Equatable {
    public var name: String
    public var clientID: String
    public var clientSecret: String
    public var authURL: String
    public var tokenURL: String
    public var defaultScopes: String
    public var grantType: GrantType
    public var uuid: String

    public enum GrantType: String, Sendable, CaseIterable {
        case authorizationCode = "authorization_code"
        case clientCredentials = "client_credentials"
    }

    public init(
        name: String, clientID: String, clientSecret: String, authURL: String, tokenURL: String,
        defaultScopes: String, grantType: GrantType, uuid: String
    ) {
        self.name = name
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.authURL = authURL
        self.tokenURL = tokenURL
        self.defaultScopes = defaultScopes
        self.grantType = grantType
        self.uuid = uuid
    }
}
