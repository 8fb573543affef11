/// The keys an object of a seed may have: as text for messages, and as UTF-8 so the scanner can
/// match a key without building a String for it (a big seed has millions of keys).
struct AllowedKeys {
    let names: [String]
    let utf8: [[UInt8]]

    init(_ names: [String]) {
        // `SeedDecoder.readObject` records the keys it saw as bits of one integer.
        precondition(names.count <= UInt64.bitWidth, "an object with more allowed keys than bits to track them")
        self.names = names
        self.utf8 = names.map { Array($0.utf8) }
    }
}
