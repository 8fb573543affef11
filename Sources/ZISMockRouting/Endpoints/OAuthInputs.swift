import ZISDomain

/// What ZIS's OAuth callback and the simulated provider's page read from their query or form.
enum OAuthInputs {
    /// The callback's `state` (required) and the provider's `code` or `error` (RFC 6749 §4.1.2).
    static func callback(_ query: [(name: String, value: String)]) throws(ZISError) -> OAuthCallback {
        let value = { (name: String) in query.last(where: { $0.name == name })?.value }
        return OAuthCallback(
            state: try state(value("state")), code: value("code"), error: value("error").flatMap { $0.isEmpty ? nil : $0 },
            errorDescription: value("error_description"))
    }

    static func state(_ text: String?) throws(ZISError) -> String {
        guard let text, !text.isEmpty else { throw .badRequest(detail: "state is required") }
        return text
    }
}
