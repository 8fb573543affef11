import ZISDomain
import ZISMockBasics
import ZISMockLocking

/// How the control plane is exposed.
public struct AdminSettings: Sendable {
    /// false: nothing under `/__admin/` but `health` and `ready` (`--no-admin`).
    public var enabled = true
    /// When set, `/__admin/*` except `health` and the dashboard's page needs `Authorization: Bearer <token>`.
    public var token: String?
    /// Honour `X-ZIS-Mock-Fault` request headers (off with `--no-header-faults`).
    public var headerFaults = true

    public init() {}
}

/// The control plane of one server: the seed it resets to, the request journal, the fault rules
/// and the rate limiter, around the ZIS service. `/__admin/` routes and the Swift embedding API
/// both call this, so the two doors share one implementation. Safe from any thread.
public final class MockControl: Sendable {
    package let service: ZISService
    package let journal: RequestJournal
    package let faults = FaultInjector()
    package let rateLimiter: RateLimiter
    package let settings: AdminSettings
    /// What `reset` goes back to: the start-up seed, or the last one reloaded from `--seed` files,
    /// kept as built state so a reset is a copy-on-write assignment.
    private let baseState: Locked<PreparedState>

    /// `base` is what `reset` returns to: pass the state `service` was made from.
    package init(
        service: ZISService, base: PreparedState, settings: AdminSettings = AdminSettings(), journalCapacity: Int = RequestJournal.defaultCapacity,
        rateLimit: RateLimit? = nil, clock: MockClock = .system
    ) {
        self.service = service
        self.baseState = Locked(base)
        self.settings = settings
        self.journal = RequestJournal(capacity: journalCapacity)
        self.rateLimiter = RateLimiter(limit: rateLimit, clock: clock)
    }

    // MARK: State

    public enum ResetPart: String, Sendable, CaseIterable {
        case state, journal, faults
    }

    /// Back to the base seed. `state` also restarts every rate-limit window.
    package func reset(_ parts: Set<ResetPart> = Set(ResetPart.allCases)) {
        if parts.contains(.state) {
            service.replaceState(with: baseState.withLock { $0 })
            rateLimiter.resetWindows()
        }
        if parts.contains(.journal) { journal.removeAll() }
        if parts.contains(.faults) { faults.removeAll() }
    }

    /// Replaces the whole state with `seed`, atomically. The base seed `reset` returns to is unchanged.
    package func load(_ seed: Seed) {
        service.replaceState(with: seed)
    }

    /// Parses a seed-format document and installs it; a `SeedError` leaves the state untouched.
    /// `file` names the source in error messages.
    package func load(json: [UInt8], file: String = "request body") throws(SeedError) {
        service.replaceState(with: try SeedLoader.parse(json, file: file))
    }

    /// Makes `seed` the one `reset` returns to, and installs it (`--watch`, SIGHUP).
    package func reload(baseSeed seed: Seed) {
        let prepared = PreparedState(seed: seed)
        baseState.withLock { $0 = prepared }
        service.replaceState(with: prepared)
    }

    /// The current state in the seed format (spec §7).
    package func export(revealSecrets: Bool = false) -> [UInt8] {
        SeedWriter.json(service.exportSeed(), revealSecrets: revealSecrets)
    }
}
