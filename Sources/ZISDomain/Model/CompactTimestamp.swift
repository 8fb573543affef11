import ZISMockBasics

/// A connection's `created_at` or `updated_at`, stored small. The usual whole-second form
/// `YYYY-MM-DDTHH:MM:SSZ` is 20 bytes, past the 15 a Swift `String` keeps inline, so as text every
/// connection paid two heap blocks (about 128 bytes) for its timestamps; packed, its digits fit one
/// integer. Any other text (a fraction of a second, or whatever a `Connection` was built with) is
/// kept as given, so a timestamp always renders exactly as it came in (spec §7).
package struct CompactTimestamp: Sendable, Equatable {
    private enum Storage: Sendable, Equatable {
        /// The six numbers of the text, from `pack`.
        case packed(UInt64)
        case text(String)
    }

    private let storage: Storage

    init(_ text: String) {
        var text = text
        storage = text.withUTF8(Self.pack(utf8:)).map(Storage.packed) ?? .text(text)
    }

    /// From the text's UTF-8 in place, so a seed's timestamps never become `String`s.
    init(utf8: UnsafeBufferPointer<UInt8>) {
        storage = Self.pack(utf8: utf8).map(Storage.packed) ?? .text(String(decoding: utf8, as: UTF8.self))
    }

    var text: String {
        switch storage {
        case .packed:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Self.packedLength)
            appendText(to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        case .text(let text):
            return text
        }
    }

    /// Packed text is digits and separators only, so a JSON writer can copy it without escaping.
    var isPacked: Bool {
        if case .packed = storage { true } else { false }
    }

    /// The text's UTF-8 bytes, without building a `String` for a packed one.
    func appendText(to bytes: inout [UInt8]) {
        switch storage {
        case .packed(let bits): Self.appendUnpacked(bits, to: &bytes)
        case .text(let text): bytes.append(contentsOf: text.utf8)
        }
    }

    // MARK: Packing

    private static let packedLength = 20
    /// Number `index` of the six in `YYYY-MM-DDTHH:MM:SSZ` (0 the year … 5 the second): where it
    /// starts in the text, its digits, the bits it takes (four digits fit 14, two fit 7), where it
    /// sits in the packed value, and the byte that follows it. Worked out rather than read from a
    /// global table: with the table, packing a million connections' timestamps cost a third more.
    @inline(__always)
    private static func field(_ index: Int) -> (offset: Int, digits: Int, width: UInt64, shift: UInt64, separator: UInt8) {
        let separator: UInt8 = switch index {
        case 0, 1: UInt8(ascii: "-")
        case 2: UInt8(ascii: "T")
        case 3, 4: UInt8(ascii: ":")
        default: UInt8(ascii: "Z")
        }
        return index == 0 ? (0, 4, 14, 35, separator) : (2 + 3 * index, 2, 7, UInt64(7 * (5 - index)), separator)
    }

    /// The numbers side by side, or nil for any other shape. Only the shape matters here: a
    /// number's range is the seed validator's concern, and any digits round-trip.
    /// The six numbers are read by six calls with constant indices, each folded into straight
    /// code (a loop over the six, with a branch per byte, cost 260 instructions a timestamp);
    /// a wrong shape is collected as it goes and answered at the end.
    private static func pack(utf8: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard utf8.count == packedLength else { return nil }
        var wrong: UInt8 = 0
        @inline(__always) func number(_ index: Int) -> UInt64 {
            let field = field(index)
            wrong |= utf8[field.offset + field.digits] ^ field.separator
            var number: UInt64 = 0
            for position in field.offset..<(field.offset + field.digits) {
                let digit = utf8[position] &- UInt8(ascii: "0")
                wrong |= digit > 9 ? 1 : 0
                number = number &* 10 &+ UInt64(digit)
            }
            return number << field.shift
        }
        let bits = number(0) | number(1) | number(2) | number(3) | number(4) | number(5)
        return wrong == 0 ? bits : nil
    }

    private static func appendUnpacked(_ bits: UInt64, to bytes: inout [UInt8]) {
        for index in 0..<6 {
            let field = field(index)
            let number = bits >> field.shift & (1 << field.width - 1)
            var divisor: UInt64 = field.digits == 4 ? 1000 : 10
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
                divisor /= 10
            }
            bytes.append(field.separator)
        }
    }
}
