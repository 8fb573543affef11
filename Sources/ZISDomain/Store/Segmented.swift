/// A sequence of elements kept in the arrays they were made in, one after another: what a big load
/// decodes on several threads at once. Joining a thread's array onto the others' copied it, into
/// fresh pages, while the other threads waited for the next array to start (issue 20); here
/// taking it in moves one reference. Positions count across the segments from 0.
struct Segmented<Element>: Sendable where Element: Sendable {
    /// Finished segments, none empty, then the one being appended to.
    private var finished: [[Element]] = []
    private var last: [Element] = []
    /// Where each finished segment starts.
    private var starts: [Int] = []

    init() {}

    init(_ elements: [Element]) {
        last = elements
    }

    var count: Int { (starts.last ?? 0) + (finished.last?.count ?? 0) + last.count }

    mutating func append(_ element: Element) {
        last.append(element)
    }

    /// Takes `other`'s elements in after these, without copying them.
    mutating func append(_ other: Segmented) {
        finishLast()
        for segment in other.finished + [other.last] where !segment.isEmpty {
            starts.append(count)
            finished.append(segment)
        }
    }

    /// Closes the segment being appended to and starts one with room for `count` elements: the
    /// elements before stay where they are (reserving room in their segment would copy them).
    mutating func startSegment(reserving count: Int) {
        finishLast()
        last.reserveCapacity(count)
    }

    subscript(position: Int) -> Element {
        let lastStart = count - last.count
        guard position < lastStart else { return last[position - lastStart] }
        let segment = Self.segment(holding: position, starts: starts)
        return finished[segment][position - starts[segment]]
    }

    /// All the elements in one array: free when they are in one segment already.
    var joined: [Element] {
        if finished.isEmpty { return last }
        return Array((finished + [last]).joined())
    }

    /// The elements as buffers, for reading on several threads at once: through pointers only,
    /// so the threads share no array header, whose reference count they would fight over.
    func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
        var segments = finished
        if !last.isEmpty || segments.isEmpty { segments.append(last) }
        var buffers: [UnsafeBufferPointer<Element>] = []
        var starts: [Int] = []
        func nest(_ index: Int) -> Result {
            guard index < segments.count else {
                return buffers.withUnsafeBufferPointer { buffers in
                    starts.withUnsafeBufferPointer { starts in body(Buffers(segments: buffers, starts: starts)) }
                }
            }
            return segments[index].withUnsafeBufferPointer { buffer in
                starts.append(buffers.last.map { starts.last! + $0.count } ?? 0)
                buffers.append(buffer)
                return nest(index + 1)
            }
        }
        return nest(0)
    }

    /// Read-only buffers of the segments, valid inside `withBuffers`.
    struct Buffers {
        private let segments: UnsafeBufferPointer<UnsafeBufferPointer<Element>>
        private let starts: UnsafeBufferPointer<Int>
        let count: Int

        fileprivate init(segments: UnsafeBufferPointer<UnsafeBufferPointer<Element>>, starts: UnsafeBufferPointer<Int>) {
            self.segments = segments
            self.starts = starts
            count = starts.last! + segments.last!.count
        }

        /// The positions of `range`, walked in order a segment at a time: `body` gets each
        /// piece of a segment the range covers and the position the piece starts at.
        func forEachPiece(of range: Range<Int>, _ body: (UnsafeBufferPointer<Element>, _ start: Int) -> Void) {
            guard !range.isEmpty else { return }
            var segment = Segmented.segment(holding: range.lowerBound, starts: starts)
            var position = range.lowerBound
            while position < range.upperBound {
                let end = Swift.min(range.upperBound, starts[segment] + segments[segment].count)
                body(UnsafeBufferPointer(rebasing: segments[segment][(position - starts[segment])..<(end - starts[segment])]), position)
                position = end
                segment += 1
            }
        }

        /// Read in place (an addressor): a copy of a connection to read its name retained and released its strings.
        subscript(position: Int) -> Element {
            unsafeAddress {
                if segments.count == 1 { return segments[0].baseAddress! + position }
                let segment = Segmented.segment(holding: position, starts: starts)
                return segments[segment].baseAddress! + (position - starts[segment])
            }
        }
    }

    private mutating func finishLast() {
        guard !last.isEmpty else { return }
        starts.append(count - last.count)
        finished.append(last)
        last = []
    }

    /// The last segment starting at or before `position` (a binary search: a load has a few per processor).
    private static func segment<Starts: RandomAccessCollection<Int>>(holding position: Int, starts: Starts) -> Int where Starts.Index == Int {
        var (low, high) = (0, starts.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
