import ZISDomain

/// A window on the exported state (issue 21): with 100,000 connections the dashboard reads one
/// integration and a page of each of its lists at a time, still in the seed format, and the
/// lists' sizes from `StateCounts`. `?integration=NAME&offset=N&limit=N` on `GET /__admin/state`.
package struct StateWindow: Sendable {
    /// Only this integration; nil: all of them.
    package var integration: String?
    /// Every list inside an integration (its tokens, each type's connections, its OAuth clients)
    /// keeps the entries from `offset`, at most `limit` of them; nil: no cut.
    package var offset = 0
    package var limit: Int?

    /// From the query; names other than these three are left to the route (`secrets`).
    package init(query: [(name: String, value: String)]) throws(ZISError) {
        for (name, value) in query {
            switch name {
            case "integration": integration = value
            case "offset": offset = try AdminQuery.count(value, name)
            case "limit": limit = try AdminQuery.count(value, name)
            default: continue
            }
        }
    }

    /// 404 when `integration` names none. Lists the window does not know (parts added to the seed
    /// format later) pass through whole.
    package func apply(to seed: Seed) throws(ZISError) -> Seed {
        var seed = seed
        if let integration {
            seed.integrations = seed.integrations.filter { $0.name == integration }
            guard !seed.integrations.isEmpty else { throw .notFound(detail: "No integration \(integration)") }
        }
        guard offset > 0 || limit != nil else { return seed }
        for index in seed.integrations.indices {
            seed.integrations[index].tokens = cut(seed.integrations[index].tokens)
            seed.integrations[index].oauthClients = cut(seed.integrations[index].oauthClients)
            seed.integrations[index].configs = cut(seed.integrations[index].configs)
            seed.integrations[index].bundles = cut(seed.integrations[index].bundles)
            seed.integrations[index].installedJobSpecs = cut(seed.integrations[index].installedJobSpecs)
            seed.integrations[index].inboundWebhooks = cut(seed.integrations[index].inboundWebhooks)
            // The writer lists connections type by type, so each type gets its own window; taken
            // without copying the rest, since one integration may hold 100,000.
            let connections = seed.integrations[index].connections
            seed.integrations[index].connections = ConnectionType.allCases.flatMap { type in cut(connections.lazy.filter { $0.type == type }) }
        }
        return seed
    }

    private func cut<Items: Sequence>(_ items: Items) -> [Items.Element] {
        Array(items.dropFirst(offset).prefix(limit ?? Int.max))
    }
}
