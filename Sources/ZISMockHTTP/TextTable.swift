import Glibc

/// Strings nearly every request carries, handed out as the strings they already are: matching a
/// few bytes against a table costs far less than decoding them into a new string (UTF-8
/// validation, and storage once past 15 bytes), which happened for every method, header name
/// and path segment of every request. Only exact byte matches are replaced, so what the handlers
/// and the journal see is the same text either way (a header name keeps the case it was sent in).
package struct TextTable: Sendable {
    private let texts: [String]
    /// Every text's bytes back to back; text `i` spans `starts[i]..<starts[i + 1]`.
    private let storage: [UInt8]
    private let starts: [Int]
    /// Open addressing by length and first and last byte: the index of a text, or -1.
    private let slots: [Int]
    private static let slotCount = 256

    package init(_ texts: [String]) {
        self.texts = texts
        storage = texts.flatMap(\.utf8)
        starts = texts.reduce(into: [0]) { $0.append($0.last! + $1.utf8.count) }
        var slots = [Int](repeating: -1, count: Self.slotCount)
        precondition(texts.count < Self.slotCount / 2, "a text table is for a few dozen texts")
        for (index, text) in texts.enumerated() {
            let bytes = Array(text.utf8)
            guard !bytes.isEmpty else { continue }
            var slot = Self.slot(count: bytes.count, first: bytes[0], last: bytes[bytes.count - 1])
            while slots[slot] >= 0 { slot = (slot + 1) % Self.slotCount }
            slots[slot] = index
        }
        self.slots = slots
    }

    private static func slot(count: Int, first: UInt8, last: UInt8) -> Int {
        (count &* 37 &+ Int(first) &* 7 &+ Int(last)) & (slotCount - 1)
    }

    /// The table's string with exactly these bytes, if any.
    func text(matching candidate: UnsafeRawBufferPointer) -> String? {
        let count = candidate.count
        guard count > 0, let base = candidate.baseAddress else { return nil }
        var slot = Self.slot(count: count, first: candidate[0], last: candidate[count - 1])
        return slots.withUnsafeBufferPointer { slots in
            starts.withUnsafeBufferPointer { starts in
                storage.withUnsafeBufferPointer { storage -> String? in
                    while case let index = slots[slot], index >= 0 {
                        let start = starts[index]
                        if starts[index + 1] - start == count, memcmp(storage.baseAddress! + start, base, count) == 0 {
                            return texts[index]
                        }
                        slot = (slot + 1) & (Self.slotCount - 1)
                    }
                    return nil
                }
            }
        }
    }

    /// The table's string for these bytes, or the bytes decoded.
    func text(of candidate: UnsafeRawBufferPointer) -> String {
        text(matching: candidate) ?? String(decoding: candidate, as: UTF8.self)
    }

    package static let empty = TextTable([])
    static let methods = TextTable(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
    static let headerNames = TextTable([
        "Host", "Authorization", "Accept", "User-Agent", "Content-Type", "Content-Length", "Connection",
        "Accept-Encoding", "Origin", "Cookie", "host", "authorization", "accept", "user-agent", "content-type",
        "content-length", "connection", "accept-encoding",
    ])
}
