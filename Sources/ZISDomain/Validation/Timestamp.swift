import Glibc
import ZISMockBasics

/// RFC 3339 UTC timestamps (spec §1). Kept as text: seeds give them as strings and the
/// responses echo them unchanged, so there is nothing to gain from a date type here.
public enum Timestamp {
    public static let rule = "must be an RFC 3339 UTC timestamp like 2024-01-15T09:30:00Z"

    /// The current time as `YYYY-MM-DDTHH:MM:SSZ`, the default for timestamps a seed leaves out (spec §7).
    public static func now() -> String {
        format(secondsSinceEpoch: currentSeconds())
    }

    /// Seconds since the Unix epoch: the default clock of `ZISService`.
    @Sendable public static func currentSeconds() -> Int {
        MockClock.system.wallSeconds()
    }

    public static func format(secondsSinceEpoch: Int) -> String {
        var seconds = time_t(secondsSinceEpoch)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text = ""
        text.reserveCapacity(20)
        appendPadded(Int(parts.tm_year) + 1900, width: 4, to: &text)
        text += "-"
        appendPadded(Int(parts.tm_mon) + 1, width: 2, to: &text)
        text += "-"
        appendPadded(Int(parts.tm_mday), width: 2, to: &text)
        text += "T"
        appendPadded(Int(parts.tm_hour), width: 2, to: &text)
        text += ":"
        appendPadded(Int(parts.tm_min), width: 2, to: &text)
        text += ":"
        appendPadded(Int(parts.tm_sec), width: 2, to: &text)
        text += "Z"
        return text
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`, for the journal and log lines, where seconds are too coarse to
    /// order what happened.
    public static func format(millisecondsSinceEpoch milliseconds: Int64) -> String {
        var text = format(secondsSinceEpoch: Int(milliseconds / 1000))
        text.removeLast()
        text += "."
        appendPadded(Int(milliseconds % 1000), width: 3, to: &text)
        text += "Z"
        return text
    }

    /// Checks the shape `YYYY-MM-DDTHH:MM:SS[.fraction]Z` and field ranges. Only `Z` is accepted
    /// as the zone [ours]: the API documents UTC, and an offset would be echoed back verbatim.
    public static func isValid(_ text: String) -> Bool {
        // Over the contiguous UTF-8 in place: a big seed checks two timestamps per connection.
        var text = text
        return text.withUTF8(isValid(utf8:))
    }

    static func isValid(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value &* 10 &+ Int(digit)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            number(0..<4) != nil,
            let month = number(5..<7), (1...12).contains(month),
            let day = number(8..<10), (1...31).contains(day),
            let hour = number(11..<13), (0...23).contains(hour),
            let minute = number(14..<16), (0...59).contains(minute),
            let second = number(17..<19), (0...60).contains(second)
        else { return false }
        if bytes.count == 20 { return true }
        // A fraction: a dot and at least one digit before the Z.
        return bytes[19] == UInt8(ascii: ".") && bytes.count > 21
            && bytes[20..<(bytes.count - 1)].allSatisfy(\.isASCIIDigit)
    }

    /// Seconds since the epoch of a valid timestamp (the fraction dropped), for expiries given
    /// in a seed; nil when `text` is not `isValid`.
    public static func secondsSinceEpoch(_ text: String) -> Int? {
        guard isValid(text) else { return nil }
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
        var parts = tm()
        parts.tm_year = Int32(number(0..<4) - 1900)
        parts.tm_mon = Int32(number(5..<7) - 1)
        parts.tm_mday = Int32(number(8..<10))
        parts.tm_hour = Int32(number(11..<13))
        parts.tm_min = Int32(number(14..<16))
        parts.tm_sec = Int32(number(17..<19))
        return Int(timegm(&parts))
    }

    private static func appendPadded(_ value: Int, width: Int, to text: inout String) {
        let digits = String(value)
        text += String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
