import ZISMockBasics

/// The one description of each connection type's own fields (spec §3, §4, §7): their keys, which
/// are secret, which may change after creation, what a value must look like, and where each
/// lives in the model. The seed reader and writer, request decoding, API rendering and the Swift
/// embedding all read this, so they cannot disagree about what a type has.
package struct ConnectionSchema: Sendable {
    package let type: ConnectionType
    /// Besides `name`, in the order bodies and seeds are checked (the first missing one is reported).
    package let fields: [ConnectionField]
    /// api_key, basic_auth and bearer_token carry `created_at`/`updated_at`; OAuth items have
    /// none, in the list (spec §3) or in a seed (spec §7).
    package let hasTimestamps: Bool
    /// The payload from one value per field, in `fields` order.
    let makePayload: @Sendable ([String]) -> ConnectionPayload

    package static func of(_ type: ConnectionType) -> ConnectionSchema {
        switch type {
        case .apiKey: apiKey
        case .basicAuth: basicAuth
        case .bearerToken: bearerToken
        case .oauth: oauth
        }
    }

    /// Every field's value in `connection`, in `fields` order.
    func values(of payload: ConnectionPayload) -> [String] {
        fields.map { $0.value(payload) }
    }

    private static let apiKey = ConnectionSchema(
        type: .apiKey, hasTimestamps: true,
        fields: [
            .allowedDomain,
            ConnectionField("api_key", secret: true, patchable: true) { if case .apiKey(let f) = $0 { f.apiKey } else { "" } },
            ConnectionField("header_name", patchable: true, rule: .headerName) {
                if case .apiKey(let f) = $0 { f.headerName } else { "" }
            },
        ]
    ) { .apiKey(APIKeyFields(allowedDomain: $0[0], headerName: $0[2], apiKey: $0[1])) }

    private static let basicAuth = ConnectionSchema(
        type: .basicAuth, hasTimestamps: true,
        fields: [
            .allowedDomain,
            ConnectionField("username", patchable: true) { if case .basicAuth(let f) = $0 { f.username } else { "" } },
            ConnectionField("password", secret: true, patchable: true) { if case .basicAuth(let f) = $0 { f.password } else { "" } },
        ]
    ) { .basicAuth(BasicAuthFields(allowedDomain: $0[0], username: $0[1], password: $0[2])) }

    private static let bearerToken = ConnectionSchema(
        type: .bearerToken, hasTimestamps: true,
        fields: [
            .allowedDomain,
            ConnectionField("token", secret: true, patchable: true) { if case .bearerToken(let f) = $0 { f.token } else { "" } },
        ]
    ) { .bearerToken(BearerTokenFields(allowedDomain: $0[0], token: $0[1])) }

    /// OAuth connections are made by the OAuth flow, a seed or the embedding, never by a typed
    /// create; their tokens are shown in clear [doc], so no field is secret here.
    private static let oauth: ConnectionSchema = {
        func oauthField(
            _ key: String, default value: String? = "", credential: Bool = false, listed: Bool = true,
            _ read: @escaping @Sendable (OAuthConnectionFields) -> String
        ) -> ConnectionField {
            ConnectionField(key, credential: credential, defaultValue: value, listed: listed) {
                if case .oauth(let f) = $0 { read(f) } else { "" }
            }
        }
        return ConnectionSchema(
            type: .oauth, hasTimestamps: false,
            fields: [
                oauthField("access_token", default: nil, credential: true) { $0.accessToken },
                oauthField("created_by") { $0.createdBy },
                oauthField("oauth_access_token_response_body") { $0.oauthAccessTokenResponseBody },
                oauthField("oauth_client_uuid", listed: false) { $0.oauthClientUUID },
                oauthField("oauth_url_subdomain") { $0.oauthURLSubdomain },
                oauthField("permission_scope") { $0.permissionScope },
                oauthField("refresh_token", credential: true) { $0.refreshToken },
                oauthField("token_expiry") { $0.tokenExpiry },
                oauthField("token_type", default: "bearer") { $0.tokenType },
                oauthField("uuid") { $0.uuid },
            ]
        ) {
            .oauth(
                OAuthConnectionFields(
                    accessToken: $0[0], createdBy: $0[1], oauthAccessTokenResponseBody: $0[2], oauthClientUUID: $0[3],
                    oauthURLSubdomain: $0[4], permissionScope: $0[5], refreshToken: $0[6], tokenExpiry: $0[7], tokenType: $0[8],
                    uuid: $0[9]))
        }
    }()

    private init(
        type: ConnectionType, hasTimestamps: Bool, fields: [ConnectionField],
        makePayload: @escaping @Sendable ([String]) -> ConnectionPayload
    ) {
        self.type = type
        self.fields = fields
        self.hasTimestamps = hasTimestamps
        self.makePayload = makePayload
    }
}

/// One field a connection type owns besides `name` and the timestamps.
package struct ConnectionField: Sendable {
    package let key: String
    /// Write-only (spec §1): the API renders it as `"*****"`, an export masks it unless asked.
    package let isSecret: Bool
    /// A working credential: a masked export writes it as `"*****"` even where the API shows it
    /// to the token holder (an OAuth connection's tokens; the `zendesk` client's authorize the
    /// mock's own Zendesk surface), since whoever reaches the admin port holds no token (issue 17).
    package let isMaskedInExport: Bool
    /// May change after creation (spec §4); the others may only be repeated unchanged.
    package let isPatchable: Bool
    /// nil: required, and not empty, wherever a connection is made; otherwise the value an
    /// absent field takes (OAuth's optional fields, spec §7).
    let defaultValue: String?
    /// In `GET …/connections/all` (spec §3); the others only where a single connection is shown.
    package let isListed: Bool
    let rule: FieldRule?
    package let value: @Sendable (ConnectionPayload) -> String

    init(
        _ key: String, secret: Bool = false, credential: Bool = false, patchable: Bool = false, defaultValue: String? = nil,
        listed: Bool = true, rule: FieldRule? = nil, value: @escaping @Sendable (ConnectionPayload) -> String
    ) {
        self.isListed = listed
        self.key = key
        self.isSecret = secret
        self.isMaskedInExport = secret || credential
        self.isPatchable = patchable
        self.defaultValue = defaultValue
        self.rule = rule
        self.value = value
    }

    /// Shared by the three typed kinds; fixed at creation [doc: Admin Center].
    static let allowedDomain = ConnectionField("allowed_domain", rule: .hostName) { $0.allowedDomain ?? "" }
}

/// What a field's value must look like beyond being a non-empty string.
enum FieldRule: Sendable {
    /// A host name or address (spec §4).
    case hostName
    /// An HTTP field name (RFC 9110 token characters) [ours], since it is sent as a header.
    case headerName

    /// The rule's wording when `value` breaks it, else nil.
    func violation(by value: String) -> String? {
        switch self {
        case .hostName:
            HostName.isValid(value) ? nil : HostName.rule
        case .headerName:
            // The header parser's own token set, so what the mock accepts here it could also parse.
            value.allUTF8(\.isHTTPTokenCharacter)
                ? nil : "header_name must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)"
        }
    }
}
