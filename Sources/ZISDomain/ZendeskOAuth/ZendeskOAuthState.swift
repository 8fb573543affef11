/// What the Zendesk OAuth endpoints keep between calls (issue 15): authorization codes waiting
/// to be exchanged and refresh tokens, plus the counters behind Zendesk's numeric ids.
struct ZendeskOAuthState: Sendable {
    var authorizationCodes: [String: AuthorizationCode] = [:]
    var refreshTokens: [String: RefreshGrant] = [:]
    /// Numeric ids of Zendesk OAuth clients and tokens [ours: counting from these].
    var nextClientID = 10_001
    var nextTokenID = 50_001

    /// A seeded, replayed or reloaded registration's client id is taken: the next one is past it.
    mutating func countClientIDs(past registration: IntegrationRegistration?) {
        guard let id = registration?.zendeskOAuthClient.id else { return }
        nextClientID = max(nextClientID, id + 1)
    }

    /// A client looping on the consent page cannot grow memory without limit.
    static let maximumPendingCodes = 10_000
    /// An authorization code is "valid for 120 seconds" [doc].
    static let codeLifetimeSeconds = 120
    /// Refresh tokens live this long unless the request says otherwise (`refresh_token_expires_in`) [doc].
    static let defaultRefreshLifetimeSeconds = 2_592_000
    /// `expires_in` must be more than 300 s and less than 2 days [doc]; `refresh_token_expires_in`
    /// more than 7 days and less than 90.
    static let accessLifetimes = 301...172_799
    static let refreshLifetimes = 604_801...7_775_999
}

/// An "Allow" on the consent page, until `/oauth/tokens` exchanges it (once).
struct AuthorizationCode: Sendable {
    let clientIdentifier: String
    /// The `redirect_uri` it was issued for: the exchange must name the same one (RFC 6749 §4.1.3).
    let redirectURI: String?
    let scopes: Set<Scope>
    let owner: String?
    let expiresAt: Int
}

/// What a refresh token renews: a token of this client and integration, with these scopes.
struct RefreshGrant: Sendable {
    let clientIdentifier: String
    let integration: String
    let scopes: Set<Scope>
    let owner: String?
    /// The access token it was issued with, revoked when it is used.
    let accessToken: String
    let expiresAt: Int
}

/// How a client asks `/oauth/tokens` for a token (RFC 6749 §4.1.3, §4.4, §6).
package enum TokenGrantRequest: Sendable, Equatable {
    case authorizationCode(code: String, redirectURI: String?)
    case clientCredentials
    case refreshToken(String)
}

/// A token `/oauth/tokens` issued.
package struct IssuedToken: Sendable, Equatable {
    package let accessToken: String
    package let scopes: [Scope]
    /// Set when the token expires: asked for, or `--token-lifetime`.
    package let expiresIn: Int?
    /// Issued for every grant but client credentials [doc], with its own lifetime.
    package let refreshToken: String?
    package let refreshTokenExpiresIn: Int?
}

/// A token `POST /api/v2/oauth/tokens` created for an admin.
package struct AdminMintedToken: Sendable, Equatable {
    package let id: Int
    /// The admin's `AdminUser.id`.
    package let userID: Int
    package let clientID: Int
    package let fullToken: String
    package let scopes: [Scope]
    package let createdAt: Int
    package let expiresAt: Int?
}

/// A Zendesk OAuth client with the integration it mints tokens for.
package struct ZendeskClientListing: Sendable, Equatable {
    package let integration: String
    package let client: ZendeskOAuthClient
}
