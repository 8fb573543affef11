import ZISDomain

/// What the OAuth callback reads from its query.
enum OAuthInputs {
    /// The callback's `?verification_code=`, required.
    static func verificationCode(_ query: [(name: String, value: String)]) throws(ZISError) -> String {
        guard let code = query.last(where: { $0.name == OAuthPaths.verificationCodeParameter })?.value, !code.isEmpty else {
            throw .badRequest(detail: "verification_code is required")
        }
        return code
    }
}
