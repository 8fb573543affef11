/// The seed fields of each connection type (spec §7): which are required, which may be left
/// out, and how the collected strings become a payload. Kept as data so the decoder has one
/// code path for all four types; the positions the decoder checks are looked up here, once per
/// type, not once per connection.
struct ConnectionSeedSchema {
    let requiredCount: Int
    /// Every allowed key: the required ones first (`name` leading), then the optional ones.
    let keys: AllowedKeys
    let domainSlot: Int?
    let createdSlot: Int?
    let updatedSlot: Int?
    let payload: (Values) -> ConnectionPayload

    private init(required: [String], optional: [String], payload: @escaping (Values) -> ConnectionPayload) {
        let keys = required + optional
        self.requiredCount = required.count
        self.keys = AllowedKeys(keys)
        self.domainSlot = keys.firstIndex(of: "allowed_domain")
        self.createdSlot = keys.firstIndex(of: "created_at")
        self.updatedSlot = keys.firstIndex(of: "updated_at")
        self.payload = payload
    }

    /// The strings a connection object gave, by position in `keys` (nil: left out).
    struct Values {
        let texts: [String?]

        subscript(slot: Int) -> String? { texts[slot] }
    }

    private static let timestamps = ["created_at", "updated_at"]

    // The payload closures read `Values` by position in `required + optional`.
    static func of(_ type: ConnectionType) -> ConnectionSeedSchema {
        switch type {
        case .apiKey:
            ConnectionSeedSchema(required: ["name", "allowed_domain", "api_key", "header_name"], optional: timestamps) {
                .apiKey(APIKeyFields(allowedDomain: $0[1]!, headerName: $0[3]!, apiKey: $0[2]!))
            }
        case .basicAuth:
            ConnectionSeedSchema(required: ["name", "allowed_domain", "username", "password"], optional: timestamps) {
                .basicAuth(BasicAuthFields(allowedDomain: $0[1]!, username: $0[2]!, password: $0[3]!))
            }
        case .bearerToken:
            ConnectionSeedSchema(required: ["name", "allowed_domain", "token"], optional: timestamps) {
                .bearerToken(BearerTokenFields(allowedDomain: $0[1]!, token: $0[2]!))
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
                        accessToken: $0[1]!, createdBy: $0[2] ?? "", oauthAccessTokenResponseBody: $0[3] ?? "",
                        oauthURLSubdomain: $0[4] ?? "", permissionScope: $0[5] ?? "", refreshToken: $0[6] ?? "",
                        tokenExpiry: $0[7] ?? "", tokenType: $0[8] ?? "bearer", uuid: $0[9] ?? ""))
            }
        }
    }
}
