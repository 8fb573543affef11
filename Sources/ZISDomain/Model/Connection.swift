/// One connection of an integration. The name is the identity (unique across all four types
/// within an integration, spec §3) and the sort key of the store; everything type-specific
/// lives in `payload`, so typed CRUD (spec §4) can patch fields without touching ordering.
public struct Connection: Sendable, Equatable {
    public var name: String
    /// Stored packed (see `CompactTimestamp`): at a million connections their text was a fifth
    /// of the store's memory.
    package private(set) var created: CompactTimestamp
    package private(set) var updated: CompactTimestamp
    public var payload: ConnectionPayload

    public init(name: String, createdAt: String, updatedAt: String, payload: ConnectionPayload) {
        self.name = name
        self.created = CompactTimestamp(createdAt)
        self.updated = CompactTimestamp(updatedAt)
        self.payload = payload
    }

    /// With timestamps already packed (the seed decoder packs them from the file's bytes).
    init(name: String, created: CompactTimestamp, updated: CompactTimestamp, payload: ConnectionPayload) {
        self.name = name
        self.created = created
        self.updated = updated
        self.payload = payload
    }

    /// RFC 3339 UTC text, kept exactly as given so seeded bodies are byte-identical on every run (spec §7).
    public var createdAt: String {
        get { created.text }
        set { created = CompactTimestamp(newValue) }
    }

    public var updatedAt: String {
        get { updated.text }
        set { updated = CompactTimestamp(newValue) }
    }

    public var type: ConnectionType { payload.type }
}

/// The type-specific fields. Secrets are stored as given and masked only when rendered (spec §1).
public enum ConnectionPayload: Sendable, Equatable {
    case apiKey(APIKeyFields)
    case basicAuth(BasicAuthFields)
    case bearerToken(BearerTokenFields)
    // Its ten strings are packed in one block (`PackedTexts`), so it is no wider than the
    // three-string types and needs no box.
    case oauth(OAuthConnectionFields)

    public var type: ConnectionType {
        switch self {
        case .apiKey: .apiKey
        case .basicAuth: .basicAuth
        case .bearerToken: .bearerToken
        case .oauth: .oauth
        }
    }

    /// The `allowed_domain` of the three typed kinds; OAuth connections have none.
    var allowedDomain: String? {
        switch self {
        case .apiKey(let fields): fields.allowedDomain
        case .basicAuth(let fields): fields.allowedDomain
        case .bearerToken(let fields): fields.allowedDomain
        case .oauth: nil
        }
    }
}

public struct APIKeyFields: Sendable, Equatable {
    public var allowedDomain: String
    public var headerName: String
    public var apiKey: String

    public init(allowedDomain: String, headerName: String, apiKey: String) {
        self.allowedDomain = allowedDomain
        self.headerName = headerName
        self.apiKey = apiKey
    }
}

public struct BasicAuthFields: Sendable, Equatable {
    public var allowedDomain: String
    public var username: String
    public var password: String

    public init(allowedDomain: String, username: String, password: String) {
        self.allowedDomain = allowedDomain
        self.username = username
        self.password = password
    }
}

public struct BearerTokenFields: Sendable, Equatable {
    public var allowedDomain: String
    public var token: String

    public init(allowedDomain: String, token: String) {
        self.allowedDomain = allowedDomain
        self.token = token
    }
}

/// OAuth connections render these fields (spec §3) and no timestamps; all are plain strings
/// in the mock, defaulting to "" except `tokenType` (spec §7).
public struct OAuthConnectionFields: Sendable, Equatable {
    /// The ten fields below, in this order, packed (see `PackedTexts`).
    private var texts: PackedTexts

    public var accessToken: String {
        get { texts[0] }
        set { texts[0] = newValue }
    }

    public var createdBy: String {
        get { texts[1] }
        set { texts[1] = newValue }
    }

    public var oauthAccessTokenResponseBody: String {
        get { texts[2] }
        set { texts[2] = newValue }
    }

    /// The client whose flow made it [doc: OAuth Connections JSON format]; shown by show, not in
    /// the list (whose field set is spec §3's). Deleting that client deletes the connection, and
    /// it is the provider a refresh goes to; "" for a seeded connection of no client.
    public var oauthClientUUID: String {
        get { texts[3] }
        set { texts[3] = newValue }
    }

    public var oauthURLSubdomain: String {
        get { texts[4] }
        set { texts[4] = newValue }
    }

    public var permissionScope: String {
        get { texts[5] }
        set { texts[5] = newValue }
    }

    public var refreshToken: String {
        get { texts[6] }
        set { texts[6] = newValue }
    }

    public var tokenExpiry: String {
        get { texts[7] }
        set { texts[7] = newValue }
    }

    public var tokenType: String {
        get { texts[8] }
        set { texts[8] = newValue }
    }

    public var uuid: String {
        get { texts[9] }
        set { texts[9] = newValue }
    }

    public init(
        accessToken: String, createdBy: String = "", oauthAccessTokenResponseBody: String = "",
        oauthClientUUID: String = "", oauthURLSubdomain: String = "", permissionScope: String = "", refreshToken: String = "",
        tokenExpiry: String = "", tokenType: String = "bearer", uuid: String = ""
    ) {
        texts = PackedTexts([
            accessToken, createdBy, oauthAccessTokenResponseBody, oauthClientUUID, oauthURLSubdomain, permissionScope,
            refreshToken, tokenExpiry, tokenType, uuid,
        ])
    }
}
