import ZISMockBasics

/// Sorting a million connections by name: what the seed decoder (to find repeated names) and the
/// store (to build its index) both need.
enum NameOrder {
    /// The positions of `elements` in name order, equal names in their original order (so a
    /// repeat follows its earlier use). Sorts positions, not the (large) elements.
    static func positions<Element: NameKeyed>(of elements: [Element]) -> [Int] {
        // Comparing Strings was most of the sort's cost. A name's first eight bytes as one
        // integer decide most comparisons; only names that share them are compared in full.
        // Byte order is `String` order only for ASCII, which every validated name is.
        var keys: [(prefix: UInt64, position: Int)] = []
        keys.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            guard let prefix = asciiPrefix(of: element.name) else {
                return elements.indices.sorted { left, right in
                    let (leftName, rightName) = (elements[left].name, elements[right].name)
                    return leftName == rightName ? left < right : leftName < rightName
                }
            }
            keys.append((prefix, position))
        }
        keys.sort { left, right in
            if left.prefix != right.prefix { return left.prefix < right.prefix }
            let (leftName, rightName) = (elements[left.position].name, elements[right.position].name)
            return leftName == rightName ? left.position < right.position : leftName < rightName
        }
        return keys.map(\.position)
    }

    /// The first eight bytes, big-endian and zero-padded, so integers order like the bytes; nil
    /// if the name is not all ASCII.
    private static func asciiPrefix(of name: String) -> UInt64? {
        var name = name
        return name.withUTF8 { utf8 in
            // One OR over all bytes finds a non-ASCII one; the loop is what made this a tenth of a load.
            guard utf8.reduce(0, |) < 0x80 else { return nil }
            var prefix: UInt64 = 0
            for (taken, byte) in utf8.prefix(8).enumerated() {
                prefix |= UInt64(byte) << (56 - 8 * taken)
            }
            return prefix
        }
    }
}
