import Synchronization
import ZISMockBasics
import ZISMockLocking

/// A request budget per token: `requests` per `windowSeconds` (spec §6: ZIS publishes no numbers,
/// so it is configuration, off unless asked for).
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    public var requests: Int
    public var windowSeconds: Int

    public init(requests: Int, windowSeconds: Int) {
        self.requests = requests
        self.windowSeconds = windowSeconds
    }

    /// `700/60s`, `700/60` or `10/1m`; nil for anything else (both numbers must be positive).
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let requests = Int(parts[0]), requests > 0 else { return nil }
        var window = Substring(parts[1])
        var multiplier = 1
        if window.hasSuffix("s") {
            window = window.dropLast()
        } else if window.hasSuffix("m") {
            window = window.dropLast()
            multiplier = 60
        } else if window.hasSuffix("h") {
            window = window.dropLast()
            multiplier = 3600
        }
        guard let seconds = Int(window), seconds > 0, seconds <= 86_400 / multiplier else { return nil }
        self.init(requests: requests, windowSeconds: seconds * multiplier)
    }

    public static let syntax = "REQUESTS/WINDOW such as 700/60s (s, m or h; a bare number is seconds)"

    public var description: String { "\(requests)/\(windowSeconds)s" }
}

/// A fixed-window limiter keyed by token: a token's window starts with its first request and
/// holds `requests` answers; the one after gets 429 with `Retry-After` = the seconds until the
/// window ends, rounded up [ours]. Keys are the raw `Authorization` value, so one token is one
/// budget whatever integration it names; requests without credentials share one budget.
package final class RateLimiter: Sendable {
    /// Client text becomes keys, so the table is capped; expired windows are dropped first.
    package static let maximumTrackedTokens = 10_000

    package struct Decision: Sendable, Equatable {
        package let limit: Int
        package let remaining: Int
        /// nil when the request is admitted.
        package let retryAfterSeconds: Int?
    }

    private struct Window {
        var startedAt: Int64
        var used: Int
    }

    private struct State {
        var limit: RateLimit?
        var windows: [String: Window] = [:]
    }

    private let state: Locked<State>
    /// Mirrors `state.limit != nil`, so a server without a limit (the default) answers without
    /// taking the lock or even reading the request's credentials.
    private let limiting: Atomic<Bool>
    private let clock: MockClock

    /// Windows are measured on `clock`'s monotonic time, so moving its offset ends them.
    package init(limit: RateLimit?, clock: MockClock = .system) {
        state = Locked(State(limit: limit))
        limiting = Atomic(limit != nil)
        self.clock = clock
    }

    package var limit: RateLimit? {
        state.withLock { $0.limit }
    }

    /// Changes (or turns off, with nil) the limit; every window starts afresh.
    package func setLimit(_ limit: RateLimit?) {
        state.withLock {
            $0.limit = limit
            $0.windows.removeAll()
            limiting.store(limit != nil, ordering: .releasing)
        }
    }

    /// Forgets every window (admin reset); the limit stays.
    package func resetWindows() {
        state.withLock { $0.windows.removeAll() }
    }

    /// Whether a limit is set; false means `admit` would answer nil for any key.
    package var isLimiting: Bool {
        limiting.load(ordering: .acquiring)
    }

    /// Counts one request for `key`; nil when limiting is off.
    package func admit(key: String) -> Decision? {
        let now = clock.monotonicMilliseconds()
        return state.withLock { state -> Decision? in
            guard let limit = state.limit else { return nil }
            let windowMilliseconds = Int64(limit.windowSeconds) * 1000
            var window = state.windows[key] ?? Window(startedAt: now, used: 0)
            if now - window.startedAt >= windowMilliseconds { window = Window(startedAt: now, used: 0) }
            if window.used >= limit.requests {
                let left = window.startedAt + windowMilliseconds - now
                return Decision(limit: limit.requests, remaining: 0, retryAfterSeconds: Int(max(1, (left + 999) / 1000)))
            }
            window.used += 1
            if state.windows[key] == nil, state.windows.count >= Self.maximumTrackedTokens {
                state.windows = state.windows.filter { now - $0.value.startedAt < windowMilliseconds }
                if state.windows.count >= Self.maximumTrackedTokens { state.windows.remove(at: state.windows.startIndex) }
            }
            state.windows[key] = window
            return Decision(limit: limit.requests, remaining: limit.requests - window.used, retryAfterSeconds: nil)
        }
    }
}
