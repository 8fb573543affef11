import Glibc
import ZISMockBasics

/// The `Date` header line, formatted once per second rather than per response (socket-design.md §5:
/// formatting per request cost about 8 %). One per event loop, so it needs no lock.
final class HTTPDateCache {
    private var second: time_t = -1
    private var line: [UInt8] = []

    /// `Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n` (RFC 9110 §5.6.7 IMF-fixdate).
    func dateLine() -> [UInt8] {
        let now = time_t(MockClock.system.wallSeconds())
        if now != second {
            second = now
            line = Array("Date: \(Self.imfFixdate(now))\r\n".utf8)
        }
        return line
    }

    static func imfFixdate(_ seconds: time_t) -> String {
        var clock = seconds
        var parts = tm()
        gmtime_r(&clock, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
