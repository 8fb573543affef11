/// What a request presented to prove who it is (spec §2, issue 15), as a value: the routing
/// layer reads it from the `Authorization` header or the session cookie, so the domain never
/// parses a header.
package enum Credentials: Sendable, Equatable {
    /// No `Authorization` header or session cookie, or an empty header.
    case none
    /// `Basic` with its decoded user and password: `{email}/token:{api_token}` or
    /// `{email}:{password}` for a Zendesk admin; refused by ZIS endpoints [field]. Both are nil
    /// when the value was not base64 of `user:password`.
    case basic(user: String?, password: String?)
    case bearer(token: String)
    /// An admin's browser session (`_zendesk_session` cookie), with the `X-CSRF-Token` the
    /// request carried, if any.
    case session(cookie: String, csrfToken: String?)
    /// Any other scheme.
    case otherScheme
}
