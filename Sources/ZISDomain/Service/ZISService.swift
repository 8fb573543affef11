import ZISMockBasics
import ZISMockLocking

/// The domain's front door: all ZIS state and every operation the routing layer calls.
/// Safe to call from many threads: state sits behind one mutex, held only for lookups and
/// writes; rendering a page happens outside it from a copy-on-write snapshot.
package final class ZISService: Sendable {
    /// Internal so the per-feature extensions (`ZISService+Connections`, `+OAuth`) share the one lock.
    let state: Locked<ServiceState>
    /// Seconds since the Unix epoch; stamps `created_at`/`updated_at` and OAuth token expiries.
    /// Injectable so tests can make time move between a create and an update.
    let clock: @Sendable () -> Int
    /// How far the service's time runs ahead of `clock` (`POST /__admin/clock`), shared with the
    /// control plane's rate limiter so both see the same time pass.
    package let clockOffset: ClockOffset
    /// How long tokens minted by the Zendesk OAuth endpoints live when the request asks for no
    /// `expires_in`, in seconds; nil: forever, Zendesk's default ("There is no default
    /// `expires_in` value", and ZIS "does not currently support or require" expiry [doc]).
    package let tokenLifetimeSeconds: Int?
    /// Deleting an OAuth client leaves the connections its flows made (`--keep-oauth-connections`);
    /// false, the default, deletes them with it, as Zendesk does [field].
    package let keepsConnectionsOfDeletedClients: Bool
    /// The `zendesk_account_id` of every OAuth connection shown: the seed's, else
    /// `Seed.defaultZendeskAccountID` [ours: one mocked account, one number].
    package var zendeskAccountID: Int { state.withLock { $0.zendeskAccountID } ?? Seed.defaultZendeskAccountID }
    /// Where every acknowledged change goes before it is acknowledged (`--state-file`); nil: the
    /// state lives in memory only.
    let changeSink: (any StateChangeSink)?

    /// The owner every object of `integration` shows (configs, inbound webhooks).
    package func owner(_ integration: String) -> ObjectOwner {
        ObjectOwner(integration: integration, zendeskAccountID: zendeskAccountID)
    }
    /// Resource types a bundle upload takes beyond `ZISBundle.resourceTypes` (`--bundle-resource-type`).
    package let extraBundleResourceTypes: [String]

    package convenience init(
        seed: Seed, clock: @escaping @Sendable () -> Int = Timestamp.currentSeconds, clockOffset: ClockOffset = ClockOffset(),
        tokenLifetimeSeconds: Int? = nil, keepsConnectionsOfDeletedClients: Bool = false, extraBundleResourceTypes: [String] = []
    ) {
        self.init(
            prepared: PreparedState(seed: seed), clock: clock, clockOffset: clockOffset, tokenLifetimeSeconds: tokenLifetimeSeconds,
            keepsConnectionsOfDeletedClients: keepsConnectionsOfDeletedClients, extraBundleResourceTypes: extraBundleResourceTypes)
    }

    /// Starts from a state built earlier; the server shares it with the control plane's reset
    /// base (copy-on-write), so a seed is turned into state once at start-up, not twice.
    package init(
        prepared: PreparedState, clock: @escaping @Sendable () -> Int = Timestamp.currentSeconds,
        clockOffset: ClockOffset = ClockOffset(), tokenLifetimeSeconds: Int? = nil, keepsConnectionsOfDeletedClients: Bool = false,
        extraBundleResourceTypes: [String] = [], changeSink: (any StateChangeSink)? = nil
    ) {
        state = Locked(prepared.state)
        self.changeSink = changeSink
        self.clock = clock
        self.clockOffset = clockOffset
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.keepsConnectionsOfDeletedClients = keepsConnectionsOfDeletedClients
        self.extraBundleResourceTypes = extraBundleResourceTypes
    }

    /// The service's time: the clock plus the offset tests set (`POST /__admin/clock`).
    package func now() -> Int {
        clock() + offsetSeconds
    }

    /// Moves the service's time, and the rate limiter's, forward by `seconds` (never back: time
    /// measured before stays measured). A reset leaves it where it is [ours].
    package func advanceClock(by seconds: Int) {
        clockOffset.advance(by: .seconds(seconds))
    }

    /// Whole seconds the service's time runs ahead of its clock.
    package var offsetSeconds: Int { Int(clockOffset.duration.components.seconds) }

    /// Replaces the whole state atomically (admin reset/load). The new state is built before
    /// the lock is taken, so readers are blocked only for the swap.
    package func replaceState(with seed: Seed) {
        replaceState(with: PreparedState(seed: seed))
    }

    /// Installs a state built earlier: a copy-on-write assignment, so an admin reset costs
    /// microseconds however large the seed (the build cost was paid once, in `PreparedState`).
    package func replaceState(with prepared: PreparedState) {
        commit { state, changes in
            state = prepared.state
            changes.record(.stateReplaced(StateCopy(state: prepared.state)))
        }
    }

    /// The spec §2 decision for any ZIS endpoint; returns the token's grant. `changesState`: the
    /// request is not a GET or HEAD, so a browser session must carry its CSRF token.
    package func authorize(
        _ credentials: Credentials, integration: String, scope: Scope = .write, changesState: Bool = false
    ) throws(ZISError) -> TokenGrant {
        try state.withLock { state throws(ZISError) in
            try state.authorizer.authorize(credentials, integration: integration, required: scope, now: now(), changesState: changesState)
        }
    }

    /// The admin behind an admin endpoint's request (Registry, Zendesk OAuth API, issue 15).
    package func authenticateAdmin(_ credentials: Credentials, changesState: Bool) throws(ZISError) -> AdminUser {
        let now = now()
        return try state.withLock { state throws(ZISError) in
            try state.authorizer.admin(credentials, now: now, changesState: changesState)
        }
    }

    /// `GET /api/services/zis/integrations/{integration}/connections/all` (spec §3): the page
    /// `request` selects, rendered by `render` outside the lock. The rendering is cached per
    /// integration until its next write, so repeated reads of a page cost a lookup; the bytes
    /// are opaque here, the domain only keeps them.
    package func listAllConnections(
        integration: String, page request: PageRequest, render: (CursorPage<Connection>) -> [UInt8]
    ) throws(ZISError) -> [UInt8] {
        let lookup = try state.withLock { state throws(ZISError) -> PageLookup in
            // Tokens exist only for existing integrations, so a successful authorization implies this.
            guard let integrationState = state.integrations[integration] else { throw .integrationMismatch }
            if let body = integrationState.pageCache.body(for: request) { return .cached(body) }
            return .miss(integrationState.connections, version: integrationState.version)
        }
        switch lookup {
        case .cached(let body):
            return body
        case .miss(let connections, let version):
            let body = render(connections.page(for: request))
            state.withLock { state in
                guard state.integrations[integration]?.version == version else { return }
                state.integrations[integration]?.pageCache.store(body, for: request)
            }
            return body
        }
    }

    /// What the locked part of a list call found: a cached body, or a snapshot to render from.
    private enum PageLookup {
        case cached([UInt8])
        case miss(NameIndex<Connection>, version: UInt64)
    }

    // MARK: Connection writes and lookups (typed CRUD, spec §4, builds on these)

    /// Adds a connection; 404 for an unknown integration, 409 when the name is taken by any type.
    package func insertConnection(_ connection: Connection, integration: String) throws(ZISError) {
        try commit { state, changes throws(ZISError) in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            guard state.integrations[integration]!.insert(connection) else {
                throw .conflict(detail: "A connection named \(connection.name) already exists")
            }
            changes.record(.connectionSaved(integration: integration, connection))
        }
    }

    /// Replaces the connection with the same name and returns the previous value; 404 if absent.
    @discardableResult
    package func replaceConnection(_ connection: Connection, integration: String) throws(ZISError) -> Connection {
        try commit { state, changes throws(ZISError) in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            guard let old = state.integrations[integration]!.replace(connection) else {
                throw Self.unknownConnection(connection.name)
            }
            changes.record(.connectionSaved(integration: integration, connection))
            return old
        }
    }

    /// Removes a connection and returns it; 404 if the integration or connection does not exist.
    @discardableResult
    package func removeConnection(named name: String, integration: String) throws(ZISError) -> Connection {
        try commit { state, changes throws(ZISError) in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            guard let removed = state.integrations[integration]!.remove(named: name) else {
                throw Self.unknownConnection(name)
            }
            changes.record(.connectionRemoved(integration: integration, name: name))
            return removed
        }
    }

    package func connection(named name: String, integration: String) -> Connection? {
        state.withLock { $0.integrations[integration]?.connections.element(named: name) }
    }

    static func unknownIntegration(_ name: String) -> ZISError {
        .notFound(detail: "Integration \(name) does not exist")
    }

    static func unknownConnection(_ name: String) -> ZISError {
        .notFound(detail: "Connection \(name) does not exist")
    }
}
