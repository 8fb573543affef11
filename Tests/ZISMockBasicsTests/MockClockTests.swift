import Glibc
import Testing
import ZISMockBasics

@Suite("The mock's clock")
struct MockClockTests {
    /// Compared with `clock_gettime`, not `time(nil)`: glibc's `time` reads the kernel's coarse
    /// clock, which lags the precise one by up to a tick, so a reading taken between two `time`
    /// calls could be a second ahead of both (CI saw exactly that).
    @Test func systemReadingsAgreeWithTheMachine() {
        let clock = MockClock.system
        let before = Self.realtimeSeconds()
        let seconds = clock.wallSeconds()
        let after = Self.realtimeSeconds()
        #expect(before <= seconds && seconds <= after)
        let milliseconds = clock.wallMilliseconds()
        #expect(milliseconds / 1000 >= Int64(seconds) && milliseconds / 1000 <= Int64(seconds) + 1)
        #expect(clock.wallMicroseconds() / 1000 >= milliseconds)
    }

    private static func realtimeSeconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now.tv_sec
    }

    @Test func monotonicReadingsNeverGoBack() {
        let clock = MockClock.system
        var previous = clock.monotonicMicroseconds()
        for _ in 0..<1000 {
            let now = clock.monotonicMicroseconds()
            #expect(now >= previous)
            previous = now
        }
        #expect(clock.monotonicMilliseconds() >= previous / 1000)
    }

    /// What token expiry (issue 15) and the limiter rely on: moving the offset moves both readings
    /// of every copy of the clock, at once and by the same amount.
    @Test func anOffsetMovesEveryCopyAndBothReadings() {
        let offset = ClockOffset()
        let clock = MockClock(offset: offset)
        let copy = clock
        #expect(offset.duration == .zero)
        let wall = clock.wallSeconds()
        let monotonic = copy.monotonicMilliseconds()
        offset.advance(by: .seconds(3600))
        offset.advance(by: .milliseconds(1500))
        #expect(offset.duration == .milliseconds(3_601_500))
        #expect(copy.wallSeconds() - wall >= 3601 && copy.wallSeconds() - wall <= 3603)
        let moved = clock.monotonicMilliseconds() - monotonic
        #expect(moved >= 3_601_500 && moved < 3_601_500 + 1000)
        #expect(MockClock.system.wallSeconds() < clock.wallSeconds() - 3600, "the system clock is not moved")
    }

    @Test func offsetsKeepMicrosecondsOfADuration() {
        let offset = ClockOffset()
        offset.advance(by: .microseconds(7))
        offset.advance(by: .nanoseconds(999))  // below a microsecond: dropped
        #expect(offset.duration == .microseconds(7))
    }
}
