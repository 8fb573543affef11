/// A Zendesk admin of the mocked account: who may register integrations and mint Zendesk OAuth
/// tokens (the Registry and token journey, issue 15). Each way of signing in is optional: a seed
/// gives the ones its tests use.
public struct AdminUser: Sendable, Equatable {
    /// Zendesk's numeric user id (`user_id` of the tokens it mints): the admins are numbered
    /// from 1 in seed order [ours].
    public internal(set) var id = 0
    public var email: String
    /// Basic `{email}:{password}`.
    public var password: String?
    /// Basic `{email}/token:{api_token}`.
    public var apiToken: String?
    /// The `_zendesk_session` cookie of a signed-in browser [ours: the cookie's value is the seed's].
    public var session: String?
    /// What a browser session must send as `X-CSRF-Token` on a request that changes state.
    public var csrfToken: String?

    public init(email: String, password: String? = nil, apiToken: String? = nil, session: String? = nil, csrfToken: String? = nil) {
        self.email = email
        self.password = password
        self.apiToken = apiToken
        self.session = session
        self.csrfToken = csrfToken
    }
}
