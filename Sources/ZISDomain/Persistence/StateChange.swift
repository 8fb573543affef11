/// One change the state took, in the order it took it (issue 17). A persistence sink logs these
/// so that a restart rebuilds exactly the state the API acknowledged. The domain does no I/O:
/// it hands each change to a `StateChangeSink` under the state lock (so the log's order is the
/// lock's order) and, once the lock is released, waits for the sink to call it durable.
///
/// A new kind of state joins the log with one case here, its seed-format encoding in
/// `StateChange+Seed.swift` and its replay in `ServiceState+Replay.swift` (CONTRIBUTING.md).
package enum StateChange: Sendable {
    /// A connection created or updated (any of the five types), whole.
    case connectionSaved(integration: String, Connection)
    case connectionRemoved(integration: String, name: String)
    /// An integration's OAuth clients after a create, update or delete: a short list, written whole.
    case oauthClientsSet(integration: String, [OAuthClient])
    /// An integration's configs, bundles, installed job specs and inbound webhooks after a change
    /// to any of them (issue 22): short lists, written whole, in the seed format's order.
    case setUpSaved(SeedIntegration)
    /// An integration the Registry made: its clients and registration, no connections yet.
    case integrationAdded(SeedIntegration)
    case tokenRegistered(token: String, TokenGrant)
    /// A token a refresh replaced.
    case tokenRevoked(token: String)
    /// Reset, `PUT /__admin/state`, seed reload: the whole new state.
    case stateReplaced(StateCopy)
}

/// The whole service state at one moment: a copy-on-write copy, so taking it costs the lock
/// nothing however large the state; `seed` turns it into the seed format outside the lock.
package struct StateCopy: Sendable {
    let state: ServiceState

    package var seed: Seed { state.seed }
}

/// Where the service's changes go: the persistence layer (`ZISMockPersistence`) in a server
/// started with a state file, nothing otherwise.
package protocol StateChangeSink: AnyObject, Sendable {
    /// Called with the state lock held, in the state's order: keep it to an append in memory.
    func append(_ change: StateChange)
    /// Returns when every change appended so far is durable. Called without the state lock.
    func waitUntilDurable()
}

/// What a mutation records its changes through; free when no sink is attached.
struct StateChanges {
    let sink: (any StateChangeSink)?

    func record(_ change: @autoclosure () -> StateChange) {
        sink?.append(change())
    }
}
