import ZISDomain
import ZISMockBasics
import ZISMockHTTP
import ZISMockLocking

enum AdminPaths {
    static let prefix = "/__admin/"
    /// Answered without the admin token: container health checks poll it before they know any.
    static let health = "/__admin/health"

    static func isAdmin(_ rawPath: String) -> Bool {
        rawPath.hasPrefix(prefix) || rawPath == "/__admin"
    }
}

/// How the control plane is exposed.
public struct AdminSettings: Sendable {
    /// false: nothing under `/__admin/` but `health` and `ready` (`--no-admin`).
    public var enabled = true
    /// When set, `/__admin/*` except `health` needs `Authorization: Bearer <token>`.
    public var token: String?
    /// Honour `X-ZIS-Mock-Fault` request headers (off with `--no-header-faults`).
    public var headerFaults = true

    public init() {}
}

/// The control plane of one server: the seed it resets to, the request journal, the fault rules
/// and the rate limiter, around the ZIS service. `/__admin/` routes and the Swift embedding API
/// both call this, so the two doors share one implementation. Safe from any thread.
public final class MockControl: ExchangeMiddleware {
    public let service: ZISService
    public let journal: RequestJournal
    public let faults = FaultInjector()
    public let rateLimiter: RateLimiter
    public let settings: AdminSettings
    /// What `reset` goes back to: the start-up seed, or the last one reloaded from `--seed` files,
    /// kept as built state so a reset is a copy-on-write assignment.
    private let baseState: Locked<PreparedState>

    /// `base` is what `reset` returns to: pass the state `service` was made from.
    public init(
        service: ZISService, base: PreparedState, settings: AdminSettings = AdminSettings(), journalCapacity: Int = 1000,
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
    public func reset(_ parts: Set<ResetPart> = Set(ResetPart.allCases)) {
        if parts.contains(.state) {
            service.replaceState(with: baseState.withLock { $0 })
            rateLimiter.resetWindows()
        }
        if parts.contains(.journal) { journal.removeAll() }
        if parts.contains(.faults) { faults.removeAll() }
    }

    /// Replaces the whole state with `seed`, atomically. The base seed `reset` returns to is unchanged.
    public func load(_ seed: Seed) {
        service.replaceState(with: seed)
    }

    /// Parses a seed-format document and installs it; a `SeedError` leaves the state untouched.
    /// `file` names the source in error messages.
    public func load(json: [UInt8], file: String = "request body") throws(SeedError) {
        service.replaceState(with: try SeedLoader.parse(json, file: file))
    }

    /// Makes `seed` the one `reset` returns to, and installs it (`--watch`, SIGHUP).
    public func reload(baseSeed seed: Seed) {
        let prepared = PreparedState(seed: seed)
        baseState.withLock { $0 = prepared }
        service.replaceState(with: prepared)
    }

    /// The current state in the seed format (spec §7).
    public func export(revealSecrets: Bool = false) -> [UInt8] {
        SeedWriter.json(service.exportSeed(), revealSecrets: revealSecrets)
    }

    // MARK: Around every request

    public func handle(
        _ request: HTTPRequest, routeTemplate: String?, parameters: PathParameters, next: () -> HTTPResponse
    ) -> HTTPResponse {
        if AdminPaths.isAdmin(request.rawPath) {
            guard let token = settings.token, request.rawPath != AdminPaths.health else { return next() }
            guard Self.bearerToken(request.headers["Authorization"]) == token else {
                return HTTPResponse(ZISError(
                    status: 401, code: "InvalidCredentials", title: "Authentication failed",
                    detail: "/__admin/ needs Authorization: Bearer <the --admin-token>"))
            }
            return next()
        }
        let decision = rateLimiter.isLimiting ? rateLimiter.admit(key: request.headers["Authorization"] ?? "") : nil
        var response = answer(request, routeTemplate: routeTemplate, parameters: parameters, limited: decision, next: next)
        if let decision {
            response.headers.append(("X-Rate-Limit", String(decision.limit)))
            response.headers.append(("X-Rate-Limit-Remaining", String(decision.remaining)))
        }
        return response
    }

    private func answer(
        _ request: HTTPRequest, routeTemplate: String?, parameters: PathParameters, limited: RateLimiter.Decision?,
        next: () -> HTTPResponse
    ) -> HTTPResponse {
        if let retryAfter = limited?.retryAfterSeconds { return HTTPResponse(.tooManyRequests(retryAfterSeconds: retryAfter)) }
        var action: FaultAction?
        if settings.headerFaults, let header = request.headers[FaultHeader.name] {
            do {
                action = try FaultHeader.parse(header)
            } catch {
                return HTTPResponse(error)
            }
        }
        if action == nil { action = faults.action(for: request, routeTemplate: routeTemplate, parameters: parameters) }
        guard let action else { return next() }
        var response: HTTPResponse
        switch action.connection {
        case .drop?: response = .unanswered(.drop)
        case .reset?: response = .unanswered(.reset)
        case nil: response = action.status.map { HTTPResponse(action.error(status: $0)) } ?? next()
        }
        if action.truncateBody { response.misbehaviour = .truncateBody }
        // The HTTP layer holds the answer back; the event loop goes on serving other connections.
        response.delayMilliseconds = action.delayMilliseconds
        return response
    }

    private static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1].drop { $0 == " " })
    }
}
