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
