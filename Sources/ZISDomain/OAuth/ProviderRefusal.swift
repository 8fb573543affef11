/// A provider's OAuth error (RFC 6749 §4.1.2.1, §5.2), reported by ZIS's callback as a 400 in
/// the ZIS envelope whose `code` is the provider's `error` [ours].
struct ProviderRefusal {
    let error: String
    let description: String

    static func invalidGrant(_ description: String) -> ProviderRefusal {
        ProviderRefusal(error: "invalid_grant", description: description)
    }

    var asError: ZISError {
        ZISError(status: 400, code: error, title: "OAuth flow failed", detail: description.isEmpty ? error : description)
    }
}

extension ZISError {
    /// The simulated provider's page for a request it cannot serve.
    static func invalidAuthorizationRequest(_ detail: String) -> ZISError {
        ZISError(status: 400, code: "invalid_request", title: "Invalid Authorization Request", detail: detail)
    }
}
