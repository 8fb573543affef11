/// An OAuth flow between `POST …/oauth/start/{integration}` and the fetch of its redirect URL
/// (spec §5): everything needed to create the connection once the verification code comes back.
struct PendingOAuthFlow: Sendable, Equatable {
    var integration: String
    var name: String
    var clientUUID: String
    var grantType: OAuthClient.GrantType
    var permissionScopes: String
    var oauthURLSubdomain: String
    var originRedirectURL: String?

    /// Unfinished flows are bounded so a client starting flows in a loop cannot grow memory without limit.
    static let maximumPending = 10_000
}

/// What completing a flow produced: the connection, and where to send the browser.
package struct OAuthCompletion: Sendable {
    package let connection: Connection
    /// `origin_oauth_redirect_url` of the start request, if it gave one.
    package let redirectURL: String?
}

/// Paths of the OAuth surface, shared by the service (which builds `redirect_url`) and the routes.
package enum OAuthPaths {
    /// Served by the mock itself; the verification code in its query is the credential [ours].
    package static let callback = "/api/services/zis/connections/oauth/callback"
    package static let verificationCodeParameter = "verification_code"
}
