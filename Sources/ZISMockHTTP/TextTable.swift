import Glibc

/// Strings nearly every request carries, handed out as the strings they already are: matching a
/// few bytes against a table costs far less than decoding them into a new string (UTF-8
/// validation, and storage once past 15 bytes), which happened for every method and header name
/// of every request (path segments are routed as bytes, `RequestPath`). Only exact byte matches are replaced, so what the handlers
/// and the journal see is the same text either way (a header name keeps the case it was sent in).
struct TextTable: Sendable {
    private let texts: [String]
    private let storage: Storage
    private static let slotCount = 256

    /// The texts' bytes and the slots, in memory allocated once and read through plain pointers:
    /// a lookup runs several times a request, and arrays cost a closure and checks each.
    private final class Storage: @unchecked Sendable {  // immutable once made
        /// Every text's bytes back to back; text `i` spans `starts[i]..<starts[i + 1]`.
        let bytes: UnsafeMutablePointer<UInt8>
        let starts: UnsafeMutablePointer<Int>
        /// Open addressing by length and first and last byte: the index of a text, or -1.
        let slots: UnsafeMutablePointer<Int>

        init(_ texts: [String]) {
            let all = texts.flatMap(\.utf8)
            bytes = .allocate(capacity: max(1, all.count))
            bytes.initialize(from: all, count: all.count)
            starts = .allocate(capacity: texts.count + 1)
            starts.initialize(from: texts.reduce(into: [0]) { $0.append($0.last! + $1.utf8.count) }, count: texts.count + 1)
            slots = .allocate(capacity: TextTable.slotCount)
            slots.initialize(repeating: -1, count: TextTable.slotCount)
            for index in texts.indices where starts[index + 1] > starts[index] {
                let (start, end) = (starts[index], starts[index + 1])
                var slot = TextTable.slot(count: end - start, first: bytes[start], last: bytes[end - 1])
                while slots[slot] >= 0 { slot = (slot + 1) & (TextTable.slotCount - 1) }
                slots[slot] = index
            }
        }

        deinit {
            bytes.deallocate()
            starts.deallocate()
            slots.deallocate()
        }
    }

    init(_ texts: [String]) {
        precondition(texts.count < Self.slotCount / 2, "a text table is for a few dozen texts")
        self.texts = texts
        storage = Storage(texts)
    }

    private static func slot(count: Int, first: UInt8, last: UInt8) -> Int {
        (count &* 37 &+ Int(first) &* 7 &+ Int(last)) & (slotCount - 1)
    }

    /// The table's string with exactly these bytes, if any.
    func text(matching candidate: UnsafeRawBufferPointer) -> String? {
        let count = candidate.count
        guard count > 0, let base = candidate.baseAddress else { return nil }
        let storage = storage
        var slot = Self.slot(count: count, first: candidate[0], last: candidate[count - 1])
        while case let index = storage.slots[slot], index >= 0 {
            let start = storage.starts[index]
            if storage.starts[index + 1] - start == count, memcmp(storage.bytes + start, base, count) == 0 { return texts[index] }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
        return nil
    }

    /// The table's string for these bytes, or the bytes decoded.
    func text(of candidate: UnsafeRawBufferPointer) -> String {
        text(matching: candidate) ?? String(decoding: candidate, as: UTF8.self)
    }

    static let methods = TextTable(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
    static let headerNames = TextTable([
        "Host", "Authorization", "Accept", "User-Agent", "Content-Type", "Content-Length", "Connection",
        "Accept-Encoding", "Origin", "Cookie", "host", "authorization", "accept", "user-agent", "content-type",
        "content-length", "connection", "accept-encoding",
    ])
}
