import Glibc

/// The keys an object may have: as text for messages, and as UTF-8 so `JSONScanner` can match a
/// key without building a String for it (a big seed has millions of keys).
struct AllowedKeys {
    let names: [String]
    /// Every key's UTF-8 end to end, `ends[i]` being where key `i` stops: flat, so matching
    /// touches no nested array (their reference counting was most of the cost of a match).
    private let utf8: [UInt8]
    private let ends: [Int]

    init(_ names: [String]) {
        // `SeedDecoder.readObject` records the keys it saw as bits of one integer.
        precondition(names.count <= UInt64.bitWidth, "an object with more allowed keys than bits to track them")
        self.names = names
        self.utf8 = names.flatMap(\.utf8)
        var end = 0
        self.ends = names.map { name in
            end += name.utf8.count
            return end
        }
    }

    /// The index of the key whose UTF-8 is `key`, if any.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        utf8.withUnsafeBufferPointer { utf8 in
            ends.withUnsafeBufferPointer { ends in
                var start = 0
                for index in ends.indices {
                    let end = ends[index]
                    // Lengths tell most keys apart, so `memcmp` runs about once per key.
                    if end - start == key.count, memcmp(utf8.baseAddress! + start, key.baseAddress!, key.count) == 0 {
                        return index
                    }
                    start = end
                }
                return nil
            }
        }
    }
}
