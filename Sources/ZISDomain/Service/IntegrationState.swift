/// Everything one integration owns, plus the bookkeeping that keeps its cached pages honest.
struct IntegrationState: Sendable {
    let name: String
    private(set) var connections: NameIndex<Connection>
    var oauthClients: [OAuthClient]
    var registration: IntegrationRegistration?
    /// What a set-up script writes after the connections (issue 22): configs by scope, bundles
    /// by name, the installed job specs (by their short names), and inbound webhooks in creation order.
    var configs: [String: IntegrationConfig] = [:]
    var bundles: [String: ZISBundle] = [:]
    var installedJobSpecs: Set<String> = []
    var inboundWebhooks: [InboundWebhook] = []
    /// Bumped on every write. A page rendered outside the lock is cached only if the version
    /// is still the one it was rendered from, so a racing write can never leave a stale page.
    private(set) var version: UInt64 = 0
    var pageCache = RenderedPageCache()

    /// `nameOrder`, when given, lists `connections` by strictly increasing name (see
    /// `SeedIntegration.nameOrder`); without it they are sorted here.
    init(
        name: String, connections: Segmented<Connection>, nameOrder: [Int]? = nil, oauthClients: [OAuthClient],
        registration: IntegrationRegistration? = nil
    ) {
        self.name = name
        self.oauthClients = oauthClients
        self.registration = registration
        self.connections = NameIndex(
            connections, inNameOrder: nameOrder ?? Self.uniquelyNamedPositions(connections))
    }

    /// Seeds from `SeedLoader` have unique names already; a `Seed` built in code might not, and
    /// the index's ordering invariant must hold regardless, so later duplicates are dropped.
    /// The first of equal names wins: the sort keeps equal names in their original order and
    /// reports each repeat with the use before it, so no set of a million names is needed.
    private static func uniquelyNamedPositions(_ connections: Segmented<Connection>) -> [Int] {
        let (positions, repeats) = NameOrder.positionsAndRepeats(of: connections)
        guard !repeats.isEmpty else { return positions }
        let dropped = Set(repeats.map(\.later))
        return positions.filter { !dropped.contains($0) }
    }

    mutating func insert(_ connection: Connection) -> Bool {
        guard connections.insert(connection) else { return false }
        recordWrite()
        return true
    }

    mutating func replace(_ connection: Connection) -> Connection? {
        guard let old = connections.replace(connection) else { return nil }
        recordWrite()
        return old
    }

    mutating func remove(named name: String) -> Connection? {
        guard let removed = connections.remove(named: name) else { return nil }
        recordWrite()
        return removed
    }

    private mutating func recordWrite() {
        version &+= 1
        pageCache.removeAll()
    }
}

extension IntegrationState {
    /// The seed's configs, bundles, installed job specs and inbound webhooks (issue 22), in place of these.
    mutating func install(_ seed: SeedIntegration) {
        configs = [:]
        for config in seed.configs { configs[config.scope] = config }
        bundles = [:]
        for bundle in seed.bundles { bundles[bundle.name] = bundle }
        installedJobSpecs = Set(seed.installedJobSpecs)
        inboundWebhooks = seed.inboundWebhooks
    }

    /// The same parts for an export, each in a fixed order so exports are byte-identical.
    func export(into seed: inout SeedIntegration) {
        seed.configs = configs.values.sorted { $0.scope.utf8.lexicographicallyPrecedes($1.scope.utf8) }
        seed.bundles = bundles.values.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        seed.installedJobSpecs = installedJobSpecs.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        seed.inboundWebhooks = inboundWebhooks
    }
}
