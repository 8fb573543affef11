/// The errors of RFC 6749 §5.2 as `ZISError`s: `code` is the `error` value, `detail` the
/// `error_description`; the token endpoint's rows render them in the RFC's envelope.
extension ZISError {
    /// Zendesk's wording is not documented; these are the Doorkeeper defaults its others match [ours].
    package static func invalidClient(
        _ description: String =
            "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."
    ) -> ZISError {
        // RFC 6749 §5.2: a 401 names the scheme the client may authenticate with.
        ZISError(
            status: 401, code: "invalid_client", title: "Unauthorized", detail: description,
            headers: [HeaderField(name: "WWW-Authenticate", value: "Basic realm=\"OAuth\"")])
    }

    /// Zendesk's text [doc]; the mock says no more, as Zendesk does not.
    package static let invalidGrant = ZISError(
        status: 400, code: "invalid_grant", title: "Bad Request",
        detail: "The provided access grant is invalid, expired, or revoked (e.g. invalid assertion, expired authorization token, bad end-user password credentials, or mismatching authorization code and redirection URI).")

    /// An expired, revoked or unknown bearer token on Zendesk's own API [doc].
    package static let invalidToken = ZISError(
        status: 401, code: "invalid_token", title: "Unauthorized",
        detail: "The access token provided is expired, revoked, malformed or invalid for other reasons.")

    package static func invalidRequest(_ description: String) -> ZISError {
        ZISError(status: 400, code: "invalid_request", title: "Bad Request", detail: description)
    }

    package static func invalidScope(_ description: String) -> ZISError {
        ZISError(status: 400, code: "invalid_scope", title: "Bad Request", detail: description)
    }

    package static let unsupportedGrantType = ZISError(
        status: 400, code: "unsupported_grant_type", title: "Bad Request",
        detail: "The authorization grant type is not supported by the authorization server.")
}
