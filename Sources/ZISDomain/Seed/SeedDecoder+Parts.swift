/// The scheme both kinds of parts share (`SeedDecoder+ArrayParts` for a long connection array,
/// `SeedDecoder+IntegrationParts` for a long integrations array): the array is cut at guessed
/// element starts, another thread decodes each later part with a copy of this decoder, and this
/// thread reads up to each part's start and uses the part only if its reading ended exactly
/// there, which proves the guess was an element start of this array. A part that was guessed
/// wrong, failed, or cannot be used is dropped, and this thread reads its elements itself.
extension SeedDecoder {
    /// Where a run of elements stopped: past the array's `]`, at the start of an element at or
    /// past the run's stop, or (a helper told to give up) anywhere.
    enum RunEnd: Equatable, Sendable {
        case arrayEnd
        case element(at: Int)
        case abandoned
    }

    /// Below this many bytes an array is read by one thread: about 12,000 connections, whose
    /// decoding takes longer than starting a thread.
    static let partMinimumBytes = 2 << 20

    /// Reads the array the scanner is inside with `parts`, in the order of their starts.
    /// `read` decodes elements from the scanner on (`atElement`: it is at one; otherwise just
    /// inside the `[`) until the array ends or an element starts at or past `stop`; `adopt` takes
    /// a part's run, or refuses it (false).
    mutating func read<Run>(
        with parts: [ArrayPart<Run>],
        _ read: (inout SeedDecoder, _ atElement: Bool, _ stop: Int) throws(SeedError) -> RunEnd,
        adopt: (inout SeedDecoder, Run) -> Bool
    ) throws(SeedError) {
        var pending = parts[...]
        // Every part is waited for before this returns or throws: the parts borrow the document's bytes.
        defer { for part in pending { part.abandon() } }
        var atElement = false
        while true {
            let end = try read(&self, atElement, pending.first?.start ?? Int.max)
            guard case .element(let offset) = end else { return }
            let part = pending.removeFirst()
            if offset == part.start, let (run, partScanner, partEnd) = part.result(), adopt(&self, run) {
                scanner = partScanner
                partsUsed += 1
                if partEnd == .arrayEnd { return }
            } else {
                part.abandon()
            }
            while let next = pending.first, next.start < scanner.offset { pending.removeFirst().abandon() }
            atElement = true
        }
    }

    /// Decodes elements with `element`, which gets each one's index counting on from
    /// `firstIndex`, from the scanner on (`atElement`: it is at one; otherwise just inside the
    /// `[`) until the array ends or an element starts at or past `stop`. `abandoned` is asked at
    /// every element whose index ends in `checkMask`'s bits, since asking takes a lock.
    mutating func readElements(
        from firstIndex: Int, atElement: Bool, stop: Int, abandoned: () -> Bool, checkMask: Int,
        _ element: (inout SeedDecoder, _ index: Int) throws(SeedError) -> Void
    ) throws(SeedError) -> RunEnd {
        var index = firstIndex
        var more = atElement
        if !more { more = try nextElement(afterElement: false) }
        while more {
            if scanner.offset >= stop { return .element(at: scanner.offset) }
            if index & checkMask == checkMask, abandoned() { return .abandoned }
            try element(&self, index)
            index += 1
            more = try nextElement(afterElement: true)
        }
        return .arrayEnd
    }

    /// Guessed element starts (`JSONScanner.elementStart`) cutting `scanner.offset..<end`
    /// evenly, one per processor after the first; none when that is under `partMinimumBytes`.
    func guessedPartStarts(before end: Int, afterContainer: Bool = false, window: Int = 1 << 16) -> [Int] {
        let processors = ParallelWork.processors
        let from = scanner.offset
        guard processors > 1, end - from >= partMinimumBytes else { return [] }
        var starts: [Int] = []
        for part in 1..<processors {
            guard let start = scanner.elementStart(
                near: from + (end - from) / processors * part, afterContainer: afterContainer, window: window),
                start < end, start > starts.last ?? from
            else { continue }
            starts.append(start)
        }
        return starts
    }

    /// A part for each start, decoding from the moment it is made: `decode` gets a copy of this
    /// decoder moved to the start and reads on to `stop` (the next part's start, or `Int.max`).
    func startParts<Run: Sendable>(
        at starts: [Int],
        _ decode: @escaping @Sendable (inout SeedDecoder, _ stop: Int, _ abandoned: () -> Bool) throws(SeedError) -> (Run, RunEnd)
    ) -> [ArrayPart<Run>] {
        starts.indices.map { index in
            let (start, stop) = (starts[index], index + 1 < starts.count ? starts[index + 1] : Int.max)
            // The decoder borrows the document's bytes, which `SeedDecoder.decode` keeps alive
            // until every part has been waited for (`read(with:_:adopt:)` waits before it returns or throws).
            nonisolated(unsafe) let decoder = self
            return ArrayPart(start: start) { abandoned throws(SeedError) in
                var decoder = decoder
                decoder.scanner = decoder.scanner.skipped(to: start)
                let (run, end) = try decode(&decoder, stop, abandoned)
                return (run, decoder.scanner, end)
            }
        }
    }
}
