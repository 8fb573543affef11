/// The errors of RFC 6749 §5.2 as `ZISError`s: `code` is the `error` value, `detail` the
/// `error_description`; the token endpoint's rows render them in the RFC's envelope.
extension ZISError {
    public static func invalidClient(_ description: String = "Client authentication failed") -> ZISError {
        ZISError(status: 401, code: "invalid_client", title: "Unauthorized", detail: description)
    }

    public static func invalidGrant(_ description: String) -> ZISError {
        ZISError(status: 400, code: "invalid_grant", title: "Bad Request", detail: description)
    }

    public static func invalidRequest(_ description: String) -> ZISError {
        ZISError(status: 400, code: "invalid_request", title: "Bad Request", detail: description)
    }

    public static func invalidScope(_ description: String) -> ZISError {
        ZISError(status: 400, code: "invalid_scope", title: "Bad Request", detail: description)
    }

    public static let unsupportedGrantType = ZISError(
        status: 400, code: "unsupported_grant_type", title: "Bad Request",
        detail: "grant_type must be authorization_code, client_credentials or refresh_token")
}
