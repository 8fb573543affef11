/// A whole mock state in the seed format of spec §7: what `--seed` loads, what admin reset/load
/// installs, and (later) what the admin export produces.
public struct Seed: Sendable, Equatable {
    public var integrations: [SeedIntegration]
    /// The account's admins (issue 15); a seed without them has none, as before.
    public var admins: [AdminUser]
    /// The account's number, the `zendesk_account_id` of every OAuth connection, config and inbound webhook shown (issues 16, 22);
    /// nil: `Seed.defaultZendeskAccountID` [ours].
    public var zendeskAccountID: Int?

    public init(integrations: [SeedIntegration] = [], admins: [AdminUser] = [], zendeskAccountID: Int? = nil) {
        self.integrations = integrations
        self.admins = admins
        self.zendeskAccountID = zendeskAccountID
    }

    public static let defaultZendeskAccountID = 10_000_001
}

public struct SeedIntegration: Sendable, Equatable {
    public var name: String
    public var tokens: [SeedToken]
    /// All four types in one list; the store orders them by name.
    public var connections: [Connection] {
        get { connectionSegments.joined }
        set { connectionSegments = Segmented(newValue) }
    }
    /// The connections as the seed decoder made them, a segment per thread that read some (the
    /// store reads them where they are); one segment when set as `connections`.
    var connectionSegments: Segmented<Connection> {
        didSet { nameOrder = nil }
    }
    public var oauthClients: [OAuthClient]
    /// Set when the integration is registered in the ZIS Registry (issue 15); seeded integrations
    /// may be, or may only exist, as before.
    public var registration: IntegrationRegistration?
    /// Configs, uploaded bundles, installed job specs (short names) and inbound webhooks (issue 22).
    package var configs: [IntegrationConfig] = []
    package var bundles: [ZISBundle] = []
    package var installedJobSpecs: [String] = []
    package var inboundWebhooks: [InboundWebhook] = []
    /// The positions of `connections` by strictly increasing name, when the seed decoder has
    /// already sorted them (to check names are unique), so the store need not sort a million
    /// names again. Any change to `connections` drops it.
    var nameOrder: [Int]?

    public init(
        name: String, tokens: [SeedToken] = [], connections: [Connection] = [], oauthClients: [OAuthClient] = [],
        registration: IntegrationRegistration? = nil
    ) {
        self.name = name
        self.tokens = tokens
        self.connectionSegments = Segmented(connections)
        self.oauthClients = oauthClients
        self.registration = registration
    }

    /// `nameOrder` is a by-product of how the seed was read, not part of its contents.
    public static func == (left: SeedIntegration, right: SeedIntegration) -> Bool {
        (left.name, left.tokens, left.connections, left.oauthClients, left.registration)
            == (right.name, right.tokens, right.connections, right.oauthClients, right.registration)
            && (left.configs, left.bundles, left.installedJobSpecs, left.inboundWebhooks)
            == (right.configs, right.bundles, right.installedJobSpecs, right.inboundWebhooks)
    }
}

public struct SeedToken: Sendable, Equatable {
    public var token: String
    public var scopes: [Scope]
    /// Seconds since the Unix epoch after which the token is refused like an unknown one; nil: never.
    public var expiresAt: Int?
    /// The email of the admin who minted it (the Zendesk OAuth endpoints, issue 15), which lets it
    /// reach the admin API too; nil for a plain ZIS token. Kept so an export (and a state file)
    /// loads back a minted token that still works as one.
    public var owner: String?

    public init(token: String, scopes: [Scope], expiresAt: Int? = nil, owner: String? = nil) {
        self.token = token
        self.scopes = scopes
        self.expiresAt = expiresAt
        self.owner = owner
    }
}

extension SeedToken {
    init(_ token: String, _ grant: TokenGrant) {
        self.init(token: token, scopes: Scope.allCases.filter { grant.scopes.contains($0) }, expiresAt: grant.expiresAt, owner: grant.owner)
    }

    func grant(integration: String) -> TokenGrant {
        TokenGrant(integration: integration, scopes: Set(scopes), expiresAt: expiresAt, owner: owner)
    }
}
