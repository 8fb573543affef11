/// An OAuth flow between `POST …/oauth/start/{integration}` and ZIS's callback (spec §5, issue
/// 16), kept under its `state`: everything needed to create the connection once the provider
/// sends the browser back.
struct PendingOAuthFlow: Sendable, Equatable {
    var integration: String
    var name: String
    var client: OAuthClient
    var grantType: OAuthClient.GrantType
    var permissionScopes: String
    var oauthURLSubdomain: String
    var originRedirectURL: String?
    /// ZIS's callback as the provider was told it (`redirect_uri`), which a code exchange repeats.
    var callbackURL: String
    /// The authorization code the simulated provider issued for this flow, once the user allowed it.
    var providerCode: String?

    /// Unfinished flows are bounded so a client starting flows in a loop cannot grow memory without limit.
    static let maximumPending = 10_000
}
