/// Everything one integration owns, plus the bookkeeping that keeps its cached pages honest.
struct IntegrationState: Sendable {
    let name: String
    private(set) var connections: NameIndex<Connection>
    var oauthClients: [OAuthClient]
    /// Bumped on every write. A page rendered outside the lock is cached only if the version
    /// is still the one it was rendered from, so a racing write can never leave a stale page.
    private(set) var version: UInt64 = 0
    var pageCache = RenderedPageCache()

    init(name: String, connections: [Connection], oauthClients: [OAuthClient]) {
        self.name = name
        self.oauthClients = oauthClients
        self.connections = NameIndex(sortedUniqueElements: Self.sortedByUniqueName(connections))
    }

    /// Seeds from `SeedLoader` have unique names already; a `Seed` built in code might not, and
    /// the index's ordering invariant must hold regardless, so later duplicates are dropped.
    private static func sortedByUniqueName(_ connections: [Connection]) -> [Connection] {
        var seen: Set<String> = []
        return connections.filter { seen.insert($0.name).inserted }.sorted { $0.name < $1.name }
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
