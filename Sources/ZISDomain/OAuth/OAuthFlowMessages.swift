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

/// What the authorization page answers.
package enum ProviderAnswer: Sendable {
    case page(ProviderAuthorization)
    case redirect(String)
}
