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
    /// Sorts positions rather than the (large) connections, with the position as tie-break so the
    /// first of equal names wins; duplicates are then neighbours, so no set of a million names is
    /// needed. This and building the index are the whole cost of installing a loaded seed.
    private static func sortedByUniqueName(_ connections: [Connection]) -> [Connection] {
        // The seed decoder hands them over in name order already; checking costs one pass.
        if zip(connections, connections.dropFirst()).allSatisfy({ $0.name < $1.name }) { return connections }
        var order = Array(connections.indices)
        order.sort { left, right in
            let (leftName, rightName) = (connections[left].name, connections[right].name)
            return leftName == rightName ? left < right : leftName < rightName
        }
        var sorted: [Connection] = []
        sorted.reserveCapacity(connections.count)
        for position in order where sorted.last?.name != connections[position].name {
            sorted.append(connections[position])
        }
        return sorted
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
