import Synchronization

/// How far the `MockClock`s made with it run ahead of the machine's clocks. Shared by reference,
/// so whoever holds it (a test, an admin endpoint) moves the time every such clock reads.
package final class ClockOffset: Sendable {
    private let offset = Atomic<Int64>(0)

    package init() {}

    /// How far ahead the clocks run now.
    package var duration: Duration {
        .microseconds(microseconds)
    }

    package var microseconds: Int64 {
        offset.load(ordering: .relaxed)
    }

    /// Moves the clocks forward by `duration`, to microsecond precision. Forward only, so monotonic
    /// readings stay monotonic: whatever measured a start before the move sees the time as passed.
    /// Callers bound it (a test's few hours, an admin request's validated amount).
    package func advance(by duration: Duration) {
        precondition(duration >= .zero, "a clock offset only moves forward")
        let (seconds, attoseconds) = duration.components
        offset.wrappingAdd(seconds * 1_000_000 + attoseconds / 1_000_000_000_000, ordering: .relaxed)
    }
}
