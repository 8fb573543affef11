import Dispatch
import ZISDomain
import ZISMockRouting

/// The Swift door to the control plane (issue 9): everything `/__admin/` does, as typed async
/// calls on the same `MockControl`, so a test needs no HTTP to set up or inspect the mock.
///
/// ```swift
/// let mock = try await ZISMockServer.start()
/// defer { Task { await mock.stop() } }
/// try await mock.addConnection(.bearerToken(name: "crm", allowedDomain: "api.example.com", token: "s3cret"), to: "my_app")
/// let token = try await mock.issueToken(for: "my_app", scopes: [.read, .write])
/// try await mock.inject(.status(429, retryAfter: 2), on: .allConnections, times: 1)
/// let calls = await mock.journal(path: "/api/services/zis/")
/// ```
///
/// Each server has its own state, journal, faults and limiter: many can run in one process.
extension ZISMockServer {
    /// Starts a server (by default on a free loopback port, with the built-in seed) and returns
    /// once it accepts connections. Throws `SocketError` or `TLSError` when it cannot start.
    public static func start(_ configuration: ZISMockConfiguration = ZISMockConfiguration()) async throws -> ZISMockServer {
        // Binding is quick and does not block on the network: no hop off the caller's executor.
        try startBlocking(configuration)
    }

    /// The synchronous `start`, named apart so the async overload can call it.
    private static func startBlocking(_ configuration: ZISMockConfiguration) throws -> ZISMockServer {
        try start(configuration)
    }

    /// Stops accepting, lets requests in flight finish (up to half a second), then returns.
    /// The wait happens on a Dispatch queue, not on Swift's cooperative pool.
    public func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                self.stopBlocking()
                continuation.resume()
            }
        }
    }

    private func stopBlocking() {
        stop()
    }

    // MARK: State

    /// Replaces the whole state with `seed` (like `PUT /__admin/state`). `reset()` still returns
    /// to the seed the server started with.
    public func load(seed: Seed) async {
        control.load(seed)
    }

    /// Replaces the whole state with a seed-format JSON document (spec §7). A `SeedError` names
    /// the line, column, JSON path and rule; the state is then untouched.
    public func load(json: [UInt8], name: String = "seed") async throws(SeedError) {
        try control.load(json: json, file: name)
    }

    /// Back to the start-up seed; by default state, journal and faults (like `POST /__admin/reset`).
    public func reset(_ parts: Set<MockControl.ResetPart> = Set(MockControl.ResetPart.allCases)) async {
        control.reset(parts)
    }

    /// The current state in the seed format, secrets masked unless `revealingSecrets`.
    public func exportState(revealingSecrets: Bool = false) async -> [UInt8] {
        control.export(revealSecrets: revealingSecrets)
    }

    /// Adds a connection to an existing integration, checked by the same rules as the API (spec §4).
    /// Throws a `ZISError`: 400 for a bad name or domain, 404 for an unknown integration, 409 for a taken name.
    public func addConnection(_ connection: NewConnection, to integration: String) async throws(ZISError) {
        _ = try service.createConnection(try connection.draft(), integration: integration)
    }

    /// Mints a new token for `integration` (which must exist) and returns it, ready for
    /// `Authorization: Bearer <token>`.
    public func issueToken(for integration: String, scopes: Set<Scope> = [.read, .write]) async throws(ZISError) -> String {
        try service.issueToken(integration: integration, scopes: scopes)
    }

    // MARK: Journal

    /// Journaled requests, oldest first; each argument left nil matches anything. `path` is a prefix.
    public func journal(
        path: String? = nil, method: String? = nil, integration: String? = nil, status: String? = nil, unmatched: Bool? = nil
    ) async -> [JournalEntry] {
        control.journal.entries(
            matching: JournalFilter(method: method, pathPrefix: path, integration: integration, status: status, unmatched: unmatched))
    }

    /// Forgets every journaled request; the journal keeps recording.
    public func clearJournal() async {
        control.journal.removeAll()
    }

    // MARK: Faults and rate limits

    /// Adds a fault rule: the first `after` matching requests pass, the next `times` get `action`
    /// (`times: 0` = every one). Throws a `ZISError` (400) for an action that makes no sense,
    /// such as a non-error status or a delay over five seconds.
    @discardableResult
    public func inject(_ action: FaultAction, on match: FaultMatch = .anyRequest, times: Int = 1, after: Int = 0) async throws(ZISError) -> FaultRule {
        try control.faults.add(match, action: action, times: times, after: after)
    }

    /// The rules with their counts.
    public func faultRules() async -> [FaultRule] {
        control.faults.rules
    }

    /// Removes every fault rule; requests are answered normally again.
    public func clearFaults() async {
        control.faults.removeAll()
    }

    /// Turns the per-token limit on, changes it, or (nil) turns it off.
    public func setRateLimit(_ limit: RateLimit?) async {
        control.rateLimiter.setLimit(limit)
    }
}

/// A connection to add with `ZISMockServer.addConnection(_:to:)`.
public enum NewConnection: Sendable, Equatable {
    case apiKey(name: String, allowedDomain: String, headerName: String, apiKey: String)
    case basicAuth(name: String, allowedDomain: String, username: String, password: String)
    case bearerToken(name: String, allowedDomain: String, token: String)
    case oauth(name: String, accessToken: String, refreshToken: String = "")

    /// Checked by the type's `ConnectionSchema`, exactly as a create body over HTTP is.
    func draft() throws(ZISError) -> ConnectionDraft {
        switch self {
        case .apiKey(let name, let allowedDomain, let headerName, let apiKey):
            try ConnectionDraft(
                type: .apiKey, name: name, values: ["allowed_domain": allowedDomain, "header_name": headerName, "api_key": apiKey])
        case .basicAuth(let name, let allowedDomain, let username, let password):
            try ConnectionDraft(
                type: .basicAuth, name: name, values: ["allowed_domain": allowedDomain, "username": username, "password": password])
        case .bearerToken(let name, let allowedDomain, let token):
            try ConnectionDraft(type: .bearerToken, name: name, values: ["allowed_domain": allowedDomain, "token": token])
        case .oauth(let name, let accessToken, let refreshToken):
            try ConnectionDraft(type: .oauth, name: name, values: ["access_token": accessToken, "refresh_token": refreshToken])
        }
    }
}
