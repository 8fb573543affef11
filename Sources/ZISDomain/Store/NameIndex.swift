/// Something the store orders and identifies by name.
package protocol NameKeyed {
    var name: String { get }
}

extension Connection: NameKeyed {}

/// Elements kept sorted by name in a two-level structure: an array of sorted chunks of at most
/// `maxChunkCount` elements. A lookup is a binary search over the chunks' last names and then
/// inside one chunk (O(log n)); an insert or remove shifts at most one chunk's elements plus the
/// chunk array itself (n / 512 references), which keeps writes cheap at 1,000,000 connections
/// where one flat sorted array would move half a million elements per write.
///
/// A value type with copy-on-write chunks: a reader can keep a snapshot and render from it
/// outside the service's lock while a writer copies only the chunk it changes.
///
/// Invariants: no chunk is empty; every chunk is sorted; chunk `i`'s last name < chunk `i+1`'s first.
struct NameIndex<Element: NameKeyed & Sendable>: Sendable {
    static var defaultMaxChunkCount: Int { 512 }

    private(set) var chunks: [[Element]] = []
    private(set) var count = 0
    let maxChunkCount: Int

    init(maxChunkCount: Int = defaultMaxChunkCount) {
        precondition(maxChunkCount >= 4, "chunks must hold a few elements to be worth splitting")
        self.maxChunkCount = maxChunkCount
    }

    /// Builds the index from elements already sorted by strictly increasing name.
    init(sortedUniqueElements elements: [Element], maxChunkCount: Int = defaultMaxChunkCount) {
        self.init(maxChunkCount: maxChunkCount)
        elements.withUnsafeBufferPointer { elements in fill(count: elements.count) { Array(elements[$0]) } }
    }

    /// Builds the index from `elements` taken at `positions`, which list them by strictly
    /// increasing name: each is copied once, straight into its chunk.
    init(_ elements: Segmented<Element>, inNameOrder positions: [Int], maxChunkCount: Int = defaultMaxChunkCount) {
        self.init(maxChunkCount: maxChunkCount)
        elements.withBuffers { elements in
            positions.withUnsafeBufferPointer { positions in
                fill(count: positions.count) { stretch in
                    [Element](unsafeUninitializedCapacity: stretch.count) { chunk, initialized in
                        for (offset, position) in positions[stretch].enumerated() {
                            (chunk.baseAddress! + offset).initialize(to: elements[position])
                        }
                        initialized = stretch.count
                    }
                }
            }
        }
    }

    /// Fills chunks to three quarters so the first inserts after a load do not all split;
    /// `elements` gives the ones of a stretch of positions. The chunks of a big index are filled
    /// on every processor: they are independent, and copying a million connections into them was
    /// a tenth of a start. Through buffer pointers, so the threads share no array header (whose
    /// reference count they would fight over).
    private mutating func fill(count total: Int, _ elements: (Range<Int>) -> [Element]) {
        let fill = maxChunkCount * 3 / 4
        let chunkCount = (total + fill - 1) / fill
        func chunk(_ index: Int) -> [Element] {
            elements((index * fill)..<Swift.min((index + 1) * fill, total))
        }
        // Not made with `unsafeUninitializedCapacity` when empty: see `NameOrder.prefixKeys`.
        guard chunkCount > 0 else {
            chunks = []
            count = 0
            return
        }
        chunks = [[Element]](unsafeUninitializedCapacity: chunkCount) { buffer, initialized in
            ParallelWork.forEachStretch(of: chunkCount, elements: total) { stretch in
                for index in stretch { (buffer.baseAddress! + index).initialize(to: chunk(index)) }
            }
            initialized = chunkCount
        }
        count = total
    }

    // MARK: Lookup

    func element(named name: String) -> Element? {
        let position = firstIndex(notBefore: name)
        guard position != endIndex, self[position].name == name else { return nil }
        return self[position]
    }

    /// The position of the first element whose name is ≥ `name` (`endIndex` if none).
    func firstIndex(notBefore name: String) -> Index {
        bound { $0.name < name }
    }

    /// The position of the first element whose name is > `name` (`endIndex` if none).
    func firstIndex(after name: String) -> Index {
        bound { $0.name <= name }
    }

    /// The first position whose element fails `isBefore`; `isBefore` must be true for a prefix.
    private func bound(_ isBefore: (Element) -> Bool) -> Index {
        let chunk = partitionPoint(chunks.count) { isBefore(chunks[$0][chunks[$0].count - 1]) }
        guard chunk < chunks.count else { return endIndex }
        let elements = chunks[chunk]
        return Index(chunk: chunk, offset: partitionPoint(elements.count) { isBefore(elements[$0]) })
    }

    /// The number of leading indices in `0..<count` for which `predicate` holds (binary search).
    private func partitionPoint(_ count: Int, _ predicate: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: Writes

    /// Inserts `element` in name order; returns false (and changes nothing) if the name is taken.
    @discardableResult
    mutating func insert(_ element: Element) -> Bool {
        guard !chunks.isEmpty else {
            chunks = [[element]]
            count = 1
            return true
        }
        var position = firstIndex(notBefore: element.name)
        if position == endIndex {
            position = Index(chunk: chunks.count - 1, offset: chunks[chunks.count - 1].count)
        } else if self[position].name == element.name {
            return false
        }
        chunks[position.chunk].insert(element, at: position.offset)
        count += 1
        if chunks[position.chunk].count > maxChunkCount {
            let half = chunks[position.chunk].count / 2
            let upper = Array(chunks[position.chunk][half...])
            chunks[position.chunk].removeSubrange(half...)
            chunks.insert(upper, at: position.chunk + 1)
        }
        return true
    }

    /// Replaces the element with the same name; returns the old one, or nil if there was none.
    @discardableResult
    mutating func replace(_ element: Element) -> Element? {
        let position = firstIndex(notBefore: element.name)
        guard position != endIndex, self[position].name == element.name else { return nil }
        let old = self[position]
        chunks[position.chunk][position.offset] = element
        return old
    }

    /// Removes and returns the element called `name`, or nil if there is none.
    @discardableResult
    mutating func remove(named name: String) -> Element? {
        let position = firstIndex(notBefore: name)
        guard position != endIndex, self[position].name == name else { return nil }
        let removed = chunks[position.chunk].remove(at: position.offset)
        count -= 1
        mergeIfSparse(chunk: position.chunk)
        return removed
    }

    /// Keeps chunks from degenerating into many tiny ones after deletes: an empty chunk goes away,
    /// and one below a quarter of capacity is merged into a neighbour when the two fit in one.
    private mutating func mergeIfSparse(chunk index: Int) {
        let size = chunks[index].count
        if size == 0 {
            chunks.remove(at: index)
            return
        }
        guard size < maxChunkCount / 4 else { return }
        if index + 1 < chunks.count, size + chunks[index + 1].count <= maxChunkCount {
            chunks[index].append(contentsOf: chunks[index + 1])
            chunks.remove(at: index + 1)
        } else if index > 0, size + chunks[index - 1].count <= maxChunkCount {
            chunks[index - 1].append(contentsOf: chunks[index])
            chunks.remove(at: index)
        }
    }
}

extension NameIndex: BidirectionalCollection {
    struct Index: Comparable, Sendable {
        var chunk: Int
        var offset: Int

        static func < (lhs: Index, rhs: Index) -> Bool {
            (lhs.chunk, lhs.offset) < (rhs.chunk, rhs.offset)
        }
    }

    var startIndex: Index { Index(chunk: 0, offset: 0) }
    var endIndex: Index { Index(chunk: chunks.count, offset: 0) }

    subscript(position: Index) -> Element { chunks[position.chunk][position.offset] }

    func index(after position: Index) -> Index {
        position.offset + 1 < chunks[position.chunk].count
            ? Index(chunk: position.chunk, offset: position.offset + 1)
            : Index(chunk: position.chunk + 1, offset: 0)
    }

    func index(before position: Index) -> Index {
        position.offset > 0
            ? Index(chunk: position.chunk, offset: position.offset - 1)
            : Index(chunk: position.chunk - 1, offset: chunks[position.chunk - 1].count - 1)
    }
}
