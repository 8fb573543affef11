import ZISMockBasics
import ZISMockLocking

/// Sorting a million connections by name: what the seed decoder (to find repeated names) and the
/// store (to build its index) both need.
enum NameOrder {
    /// The positions of `elements` in name order, equal names in their original order (so a
    /// repeat follows its earlier use), sorting positions, not the (large) elements; and every two
    /// neighbours in it that have the same name (earlier in the elements first): what a check for
    /// repeated names needs, found without comparing the names of neighbours whose first eight
    /// bytes differ (which a load of a million visited out of order, one cache miss each).
    static func positionsAndRepeats<Element: NameKeyed>(
        of elements: Segmented<Element>
    ) -> (positions: [Int], repeats: [(earlier: Int, later: Int)]) {
        elements.withBuffers(positionsAndRepeats)
    }

    private static func positionsAndRepeats<Element: NameKeyed>(
        of elements: Segmented<Element>.Buffers
    ) -> (positions: [Int], repeats: [(earlier: Int, later: Int)]) {
        // Comparing Strings was most of the sort's cost. A name's first eight bytes as one
        // integer decide most comparisons; only names that share them are compared in full.
        // Byte order is `String` order only for ASCII, which every validated name is.
        guard var keys = prefixKeys(of: elements) else {
            let order = (0..<elements.count).sorted { left, right in
                let (leftName, rightName) = (elements[left].name, elements[right].name)
                return leftName == rightName ? left < right : leftName < rightName
            }
            let repeats = zip(order, order.dropFirst()).filter { elements[$0].name == elements[$1].name }
            return (order, repeats.map { (earlier: $0, later: $1) })
        }
        let inOrder = { (left: (prefix: UInt64, position: Int), right: (prefix: UInt64, position: Int)) -> Bool in
            if left.prefix != right.prefix { return left.prefix < right.prefix }
            let (leftName, rightName) = (elements[left.position].name, elements[right.position].name)
            return leftName == rightName ? left.position < right.position : leftName < rightName
        }
        keys.withUnsafeMutableBufferPointer { keys in
            // A big load sorts a stretch per processor at once; the sort of the whole that
            // follows finds those sorted runs and only merges them.
            let stretches = ParallelWork.forEachStretch(of: keys.count) { stretch in
                var part = UnsafeMutableBufferPointer(rebasing: keys[stretch])
                part.sort(by: inOrder)
            }
            if stretches > 1 { keys.sort(by: inOrder) }
        }
        var repeats: [(earlier: Int, later: Int)] = []
        for (left, right) in zip(keys, keys.dropFirst())
        where left.prefix == right.prefix && elements[left.position].name == elements[right.position].name {
            repeats.append((left.position, right.position))
        }
        return (keys.map(\.position), repeats)
    }

    /// Each position with its name's ASCII prefix, in position order; nil if a name is not all
    /// ASCII. A big load's are made on every processor (on one, they were about 45 ms of a
    /// million connections' load, the other processors idle).
    private static func prefixKeys<Element: NameKeyed>(
        of elements: Segmented<Element>.Buffers
    ) -> [(prefix: UInt64, position: Int)]? {
        // An empty array made with `unsafeUninitializedCapacity` writes its count into the one
        // storage all empty arrays share, which two threads then race on.
        guard elements.count > 0 else { return [] }
        let sawNonASCII = Locked(false)
        let keys = [(prefix: UInt64, position: Int)](unsafeUninitializedCapacity: elements.count) { keys, initialized in
            func fill(_ stretch: Range<Int>) {
                elements.forEachPiece(of: stretch) { piece, start in
                    // By index, not by element: iterating copied each (large) element to read its name.
                    for offset in piece.indices {
                        guard let prefix = asciiPrefix(of: piece[offset].name) else {
                            sawNonASCII.withLock { $0 = true }
                            return
                        }
                        (keys.baseAddress! + start + offset).initialize(to: (prefix, start + offset))
                    }
                }
            }
            ParallelWork.forEachStretch(of: elements.count, fill)
            // The pairs are trivial values, so a stretch left unwritten by a non-ASCII name is
            // harmless: the keys are then dropped.
            initialized = elements.count
        }
        return sawNonASCII.withLock { $0 } ? nil : keys
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
