/// What a bearer token may do: it belongs to exactly one integration and has scopes (spec §2).
/// Tokens minted by the Zendesk OAuth endpoints (issue 15) also expire and belong to the admin
/// who minted them, which lets them reach the Registry too.
package struct TokenGrant: Sendable, Equatable {
    package let integration: String
    package let scopes: Set<Scope>
    /// Seconds since the epoch from which the token is refused like an unknown one; nil: never.
    package let expiresAt: Int?
    /// The admin's email, for tokens an admin minted; nil for seeded ones.
    package let owner: String?
    /// `scopes` a bit each, for the check every request makes: a Set's `contains` hashes.
    private let scopeBits: UInt8

    package init(integration: String, scopes: Set<Scope>, expiresAt: Int? = nil, owner: String? = nil) {
        self.integration = integration
        self.scopes = scopes
        self.expiresAt = expiresAt
        self.owner = owner
        scopeBits = scopes.reduce(0) { $0 | Self.bit($1) }
    }

    func allows(_ scope: Scope) -> Bool {
        scopeBits & Self.bit(scope) != 0
    }

    private static func bit(_ scope: Scope) -> UInt8 {
        switch scope {
        case .read: 1
        case .write: 2
        }
    }

    /// `now` is read only for a token that expires: seeded ones, the usual case, do not.
    func isExpired(at now: @autoclosure () -> Int) -> Bool {
        expiresAt.map { now() >= $0 } ?? false
    }
}

/// All known tokens. Only tokens of existing integrations are registered, which is what lets
/// `Authorizer` answer "integration mismatch" for a path naming an integration that does not exist.
package struct TokenRegistry: Sendable {
    private var grants: [String: TokenGrant] = [:]

    package init() {}

    package func grant(for token: String) -> TokenGrant? {
        grants[token]
    }

    /// Every token with its grant, in token byte order (for the admin export).
    package var registered: [(token: String, grant: TokenGrant)] {
        grants.map { ($0.key, $0.value) }.sorted { $0.token.utf8.lexicographicallyPrecedes($1.token.utf8) }
    }

    /// Returns false (and keeps the existing grant) when the token is already registered:
    /// a token belongs to exactly one integration.
    @discardableResult
    package mutating func register(token: String, grant: TokenGrant) -> Bool {
        guard grants[token] == nil else { return false }
        grants[token] = grant
        return true
    }

    /// A refreshed token stops working at once.
    mutating func revoke(_ token: String) {
        grants[token] = nil
    }
}
