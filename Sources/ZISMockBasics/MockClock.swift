import Glibc

/// The time as the mock sees it, read in one place by every layer. Two readings: wall time
/// (timestamps, token expiry, the journal) and monotonic time (durations, limiter windows,
/// timeouts), which never jumps when the machine's clock is set.
///
/// `MockClock.system` reads the machine's clocks. A clock made with a `ClockOffset` reads them
/// plus the offset, and every copy shares it: moving the offset moves what each user of that
/// clock sees, both readings together, so a token's expiry and a limiter's window agree on how
/// much time has passed (issue 15's admin clock). The socket layer's timeouts and the `Date`
/// header stay on `.system`: they guard the machine's connections, not what the API says.
package struct MockClock: Sendable {
    package static let system = MockClock(shift: nil)

    private let shift: ClockOffset?

    package init(offset: ClockOffset) {
        shift = offset
    }

    private init(shift: ClockOffset?) {
        self.shift = shift
    }

    /// Microseconds since the Unix epoch.
    package func wallMicroseconds() -> Int64 {
        Self.microseconds(CLOCK_REALTIME) + (shift?.microseconds ?? 0)
    }

    package func wallMilliseconds() -> Int64 {
        wallMicroseconds() / 1000
    }

    /// Whole seconds since the Unix epoch, as timestamps are written.
    package func wallSeconds() -> Int {
        Int(wallMicroseconds() / 1_000_000)
    }

    /// Microseconds since an arbitrary start (the machine's boot); only differences mean anything.
    package func monotonicMicroseconds() -> Int64 {
        Self.microseconds(CLOCK_MONOTONIC) + (shift?.microseconds ?? 0)
    }

    package func monotonicMilliseconds() -> Int64 {
        monotonicMicroseconds() / 1000
    }

    private static func microseconds(_ clock: clockid_t) -> Int64 {
        var now = timespec()
        clock_gettime(clock, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
    }
}
