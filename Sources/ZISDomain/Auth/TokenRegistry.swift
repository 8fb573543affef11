/// What a bearer token may do: it belongs to exactly one integration and has scopes (spec §2).
public struct TokenGrant: Sendable, Equatable {
    public let integration: String
    public let scopes: Set<Scope>

    public init(integration: String, scopes: Set<Scope>) {
        self.integration = integration
        self.scopes = scopes
    }
}

/// All known tokens. Only tokens of existing integrations are registered, which is what lets
/// `Authorizer` answer "integration mismatch" for a path naming an integration that does not exist.
public struct TokenRegistry: Sendable {
    private var grants: [String: TokenGrant] = [:]

    public init() {}

    public func grant(for token: String) -> TokenGrant? {
        grants[token]
    }

    /// Every token with its grant, in token byte order (for the admin export).
    public var registered: [(token: String, grant: TokenGrant)] {
        grants.map { ($0.key, $0.value) }.sorted { $0.token.utf8.lexicographicallyPrecedes($1.token.utf8) }
    }

    /// Returns false (and keeps the existing grant) when the token is already registered:
    /// a token belongs to exactly one integration.
    @discardableResult
    public mutating func register(token: String, grant: TokenGrant) -> Bool {
        guard grants[token] == nil else { return false }
        grants[token] = grant
        return true
    }
}
