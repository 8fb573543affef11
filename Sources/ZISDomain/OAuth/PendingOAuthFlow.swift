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

/// How a flow ended at ZIS's callback, and where to send the browser.
package enum OAuthCompletion: Sendable {
    /// The connection was made; `redirectURL`: `origin_oauth_redirect_url` with the `verification_token`.
    case connected(connection: Connection, integration: String, accountID: Int, redirectURL: String?)
    /// The user denied or the provider refused: no connection. `redirectURL`: the origin with the
    /// provider's `error` and `error_description`, when the start gave one.
    case refused(ZISError, redirectURL: String?)
}

/// What ZIS's callback received: the provider's `code` or `error` (RFC 6749 §4.1.2), the flow's `state`.
package struct OAuthCallback: Sendable {
    package let state: String
    package let code: String?
    package let error: String?
    package let errorDescription: String?

    package init(state: String, code: String?, error: String?, errorDescription: String?) {
        self.state = state
        self.code = code
        self.error = error
        self.errorDescription = errorDescription
    }
}

/// What the simulated provider's authorization page is asked about: the flow, by its `state`.
package struct ProviderAuthorization: Sendable {
    package let clientID: String
    package let clientName: String
    package let integration: String
    package let scopes: String
    /// The client's `auth_url`, subdomain filled: the page the simulated one stands in for.
    package let standsInFor: String
    package let state: String
}

/// Paths of the OAuth surface, shared by the service (which builds `redirect_url`) and the routes.
package enum OAuthPaths {
    /// ZIS's callback [doc: the redirect URL providers are configured with,
    /// `https://zis.zendesk.com/api/services/zis/connections/oauth/callback`], served by the mock.
    package static let callback = "/api/services/zis/connections/oauth/callback"
    /// The simulated provider's authorization page [ours]: under `/__admin/`, where nothing of
    /// Zendesk's can be, open like `health` since a browser reaches it with no admin token.
    package static let providerAuthorize = "/__admin/oauth-provider/authorize"
    /// Zendesk's consent page (issue 15): the built-in `zendesk` client's provider, and its `auth_url`.
    package static let zendeskAuthorize = "/oauth/authorizations/new"
}
