/// A whole mock state in the seed format of spec §7: what `--seed` loads, what admin reset/load
/// installs, and (later) what the admin export produces.
public struct Seed: Sendable, Equatable {
    public var integrations: [SeedIntegration]

    public init(integrations: [SeedIntegration] = []) {
        self.integrations = integrations
    }
}

public struct SeedIntegration: Sendable, Equatable {
    public var name: String
    public var tokens: [SeedToken]
    /// All four types in one list; the store orders them by name.
    public var connections: [Connection] {
        didSet { nameOrder = nil }
    }
    public var oauthClients: [OAuthClient]
    /// The positions of `connections` by strictly increasing name, when the seed decoder has
    /// already sorted them (to check names are unique), so the store need not sort a million
    /// names again. Any change to `connections` drops it.
    var nameOrder: [Int]?

    public init(name: String, tokens: [SeedToken] = [], connections: [Connection] = [], oauthClients: [OAuthClient] = []) {
        self.name = name
        self.tokens = tokens
        self.connections = connections
        self.oauthClients = oauthClients
    }

    /// `nameOrder` is a by-product of how the seed was read, not part of its contents.
    public static func == (left: SeedIntegration, right: SeedIntegration) -> Bool {
        (left.name, left.tokens, left.connections, left.oauthClients)
            == (right.name, right.tokens, right.connections, right.oauthClients)
    }
}

public struct SeedToken: Sendable, Equatable {
    public var token: String
    public var scopes: [Scope]

    public init(token: String, scopes: [Scope]) {
        self.token = token
        self.scopes = scopes
    }
}
