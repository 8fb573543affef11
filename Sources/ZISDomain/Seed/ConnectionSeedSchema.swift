/// The seed fields of each connection type (spec §7): which are required, which may be left
/// out, and how the collected strings become a payload. Kept as data so the decoder has one
/// code path for all four types.
struct ConnectionSeedSchema {
    let required: [String]
    let optional: [String]
    let payload: (Values) -> ConnectionPayload

    /// Every allowed key: the required ones first, then the optional ones.
    var keys: [String] { required + optional }

    /// The strings a connection object gave, by position in `keys` (nil: left out).
    struct Values {
        let keys: [String]
        let texts: [String?]

        subscript(key: String) -> String? {
            keys.firstIndex(of: key).flatMap { texts[$0] }
        }
    }

    private static let timestamps = ["created_at", "updated_at"]

    static func of(_ type: ConnectionType) -> ConnectionSeedSchema {
        switch type {
        case .apiKey:
            ConnectionSeedSchema(required: ["name", "allowed_domain", "api_key", "header_name"], optional: timestamps) {
                .apiKey(APIKeyFields(allowedDomain: $0["allowed_domain"]!, headerName: $0["header_name"]!, apiKey: $0["api_key"]!))
            }
        case .basicAuth:
            ConnectionSeedSchema(required: ["name", "allowed_domain", "username", "password"], optional: timestamps) {
                .basicAuth(BasicAuthFields(allowedDomain: $0["allowed_domain"]!, username: $0["username"]!, password: $0["password"]!))
            }
        case .bearerToken:
            ConnectionSeedSchema(required: ["name", "allowed_domain", "token"], optional: timestamps) {
                .bearerToken(BearerTokenFields(allowedDomain: $0["allowed_domain"]!, token: $0["token"]!))
            }
        case .oauth:
            // OAuth items take exactly their §3 list fields, which include no timestamps.
            ConnectionSeedSchema(
                required: ["name", "access_token"],
                optional: [
                    "created_by", "oauth_access_token_response_body", "oauth_url_subdomain", "permission_scope",
                    "refresh_token", "token_expiry", "token_type", "uuid",
                ]
            ) {
                .oauth(
                    OAuthConnectionFields(
                        accessToken: $0["access_token"]!, createdBy: $0["created_by"] ?? "",
                        oauthAccessTokenResponseBody: $0["oauth_access_token_response_body"] ?? "",
                        oauthURLSubdomain: $0["oauth_url_subdomain"] ?? "", permissionScope: $0["permission_scope"] ?? "",
                        refreshToken: $0["refresh_token"] ?? "", tokenExpiry: $0["token_expiry"] ?? "",
                        tokenType: $0["token_type"] ?? "bearer", uuid: $0["uuid"] ?? ""))
            }
        }
    }
}
