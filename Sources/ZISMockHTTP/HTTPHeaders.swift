import Glibc
import ZISMockBasics

/// Header fields in the order received; names compare case-insensitively.
package struct HTTPHeaders: Sendable, Sequence {
    package private(set) var fields: [(name: String, value: String)] = []
    /// A bit per length of the names present. Most lookups on the hot path are for fields a
    /// request does not carry (Origin, X-ZIS-Mock-Fault, Content-Encoding, …); this answers most
    /// of them without comparing a name. The length alone: a string's first byte costs several
    /// times more to read than its length, and each request makes about ten of these.
    private var presentNames: UInt64 = 0

    package init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
        presentNames = fields.reduce(0) { $0 | Self.presenceBit($1.name) }
    }

    /// Room for `count` fields up front, so a parsed head grows its array once, not at every doubling.
    init(reservingCapacity count: Int) {
        fields.reserveCapacity(count)
    }

    package mutating func append(name: String, value: String) {
        fields.append((name, value))
        presentNames |= Self.presenceBit(name)
    }

    /// The first value of `name`, or nil.
    package subscript(name: String) -> String? {
        guard mayContain(name) else { return nil }
        return fields.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    package func values(_ name: String) -> [String] {
        guard mayContain(name) else { return [] }
        return fields.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.value)
    }

    /// False when no field has this name; true when one may (one of the same length is present).
    package func mayContain(_ name: String) -> Bool {
        presentNames & Self.presenceBit(name) != 0
    }

    private static func presenceBit(_ name: String) -> UInt64 {
        1 << (UInt64(truncatingIfNeeded: name.utf8.count) & 63)
    }

    package var count: Int { fields.count }

    /// The field at `index` if its name and value are exactly these bytes.
    func field(at index: Int, ifItHas name: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) -> (name: String, value: String)? {
        hasField(at: index, name, value) ? fields[index] : nil
    }

    /// Whether the field at `index` has exactly this name and value.
    func hasField(at index: Int, _ name: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) -> Bool {
        index < fields.count && fields[index].value.hasUTF8(value) && fields[index].name.hasUTF8(name)
    }

    /// The first `count` fields, with room for `capacity`.
    func leading(_ count: Int, reservingCapacity capacity: Int = 0) -> HTTPHeaders {
        var copy = HTTPHeaders(reservingCapacity: Swift.max(count, capacity))
        for field in fields[..<count] { copy.append(name: field.name, value: field.value) }
        return copy
    }

    package func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }
}
