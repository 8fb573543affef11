/// Tokens a provider's token endpoint issued (RFC 6749 §5.1), and its answer as ZIS keeps it in
/// `oauth_access_token_response_body`.
struct ProviderTokens: Sendable {
    let accessToken: String
    let refreshToken: String?
    /// nil: the token does not expire (`token_expiry` is then empty).
    let expiresIn: Int?
    let scope: String
    let responseBody: String

    /// The simulated provider's tokens: `oauth_at_` / `oauth_rt_` and 32 hex digits [ours]; no
    /// refresh token for client credentials (RFC 6749 §4.4.3).
    static func minted(scope: String, lifetime: Int, withRefreshToken: Bool, keeping refreshToken: String? = nil) -> ProviderTokens {
        let accessToken = "oauth_at_" + RandomToken.hex(byteCount: 16)
        let refresh = refreshToken ?? (withRefreshToken ? "oauth_rt_" + RandomToken.hex(byteCount: 16) : nil)
        return ProviderTokens(
            accessToken: accessToken, refreshToken: refresh, expiresIn: lifetime, scope: scope,
            responseBody: responseBody(accessToken: accessToken, refreshToken: refresh, expiresIn: lifetime, scope: scope))
    }

    static func responseBody(accessToken: String, refreshToken: String?, expiresIn: Int?, scope: String) -> String {
        var writer = JSONWriter(reservingCapacity: 200)
        writer.raw("{\"access_token\":")
        writer.string(accessToken)
        writer.raw(",\"token_type\":\"bearer\"")
        if let expiresIn {
            writer.raw(",\"expires_in\":")
            writer.integer(expiresIn)
        }
        if let refreshToken {
            writer.raw(",\"refresh_token\":")
            writer.string(refreshToken)
        }
        writer.raw(",\"scope\":")
        writer.string(scope)
        writer.raw("}")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// A refusing provider's answer (RFC 6749 §5.2), kept as the connection's response body.
    static func errorBody(error: String, description: String) -> String {
        var writer = JSONWriter(reservingCapacity: 120)
        writer.raw("{\"error\":")
        writer.string(error)
        writer.raw(",\"error_description\":")
        writer.string(description)
        writer.raw("}")
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
