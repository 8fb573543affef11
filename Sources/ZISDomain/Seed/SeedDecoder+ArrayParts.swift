/// A long connection array read by several threads at once (issue 20: a million connections
/// were most of a start). The array is cut at guessed element starts; a helper thread decodes
/// each part after the first while this thread decodes the first. A part is used only if the
/// part before it ended exactly where the part was guessed to start, which proves the guess was
/// an element start of this array, so the result (connections, order, line and column of every
/// position) is the one a single thread gets. A wrong guess, or a part that failed, is dropped
/// and this thread reads on by itself, so every error is found, and worded, as before.
extension SeedDecoder {
    /// Connections decoded by one run of elements, with where each came from.
    struct ElementRun: Sendable {
        var connections: [Connection] = []
        var origins: [Origin] = []
    }

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

    /// Decodes the elements of the array entered last, appending them to `run`.
    mutating func decodeElements(
        schema: ConnectionSeedSchema, type: ConnectionType, arrayPath: String, depth: Int,
        scratch: inout Scratch, into run: inout ElementRun
    ) throws(SeedError) {
        let first = run.connections.count
        var pending = startParts(schema: schema, type: type, arrayPath: arrayPath, depth: depth)[...]
        defer { for part in pending { part.abandon() } }
        var atElement = false
        while true {
            let end = try decodeRun(
                schema: schema, type: type, arrayPath: arrayPath, depth: depth, firstIndex: run.connections.count - first,
                atElement: atElement, stop: pending.first?.start ?? Int.max, scratch: &scratch, into: &run)
            guard case .element(let offset) = end else { return }
            let part = pending.removeFirst()
            if offset == part.start, let (partRun, partScanner, partEnd) = part.result() {
                let shift = run.connections.count - first
                run.connections += partRun.connections
                run.origins += partRun.origins.map { Origin(type: $0.type, index: $0.index + shift, namePosition: $0.namePosition) }
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

    /// Decodes elements from the scanner on (`atElement`: it is at one; otherwise just inside
    /// the `[`) until the array ends or an element starts at or past `stop`.
    private mutating func decodeRun(
        schema: ConnectionSeedSchema, type: ConnectionType, arrayPath: String, depth: Int, firstIndex: Int,
        atElement: Bool, stop: Int, scratch: inout Scratch, into run: inout ElementRun, abandoned: () -> Bool = { false }
    ) throws(SeedError) -> RunEnd {
        var index = firstIndex
        var more = atElement
        if !more { more = try nextElement(afterElement: false) }
        while more {
            if scanner.offset >= stop { return .element(at: scanner.offset) }
            if index & 4095 == 4095, abandoned() { return .abandoned }
            let connection = try decodeConnection(schema: schema, scratch: &scratch, path: "\(arrayPath)[\(index)]", depth: depth)
            run.connections.append(connection)
            run.origins.append(Origin(type: type, index: index, namePosition: scratch.fields[0]!.position))
            index += 1
            more = try nextElement(afterElement: true)
        }
        return .arrayEnd
    }

    /// One part per processor after the first, each from a guessed element start; none for a
    /// short array. The array's end is guessed as its first `]`, which can only be early.
    private func startParts(schema: ConnectionSeedSchema, type: ConnectionType, arrayPath: String, depth: Int) -> [ArrayPart<ElementRun>] {
        let processors = ParallelWork.processors
        let from = scanner.offset
        let end = scanner.firstOffset(of: UInt8(ascii: "]"), from: from)
        guard processors > 1, end - from >= partMinimumBytes else { return [] }
        var starts: [Int] = []
        for part in 1..<processors {
            guard let start = scanner.elementStart(near: from + (end - from) / processors * part),
                start < end, start > starts.last ?? from
            else { continue }
            starts.append(start)
        }
        return starts.indices.map { [starts] index in
            let (start, stop) = (starts[index], index + 1 < starts.count ? starts[index + 1] : Int.max)
            // The decoder borrows the document's bytes, which `SeedDecoder.decode` keeps alive until
            // every part has been waited for (`decodeElements` waits before it returns or throws).
            nonisolated(unsafe) let decoder = self
            return ArrayPart(start: start) { abandoned throws(SeedError) in
                var decoder = decoder
                // Its own copy: the shared one's arrays had their reference counts bumped by both threads.
                let schema = ConnectionSeedSchema.fresh(type)
                decoder.scanner = decoder.scanner.skipped(to: start)
                var scratch = Scratch(slots: schema.keys.names.count)
                var run = ElementRun()
                let end = try decoder.decodeRun(
                    schema: schema, type: type, arrayPath: arrayPath, depth: depth, firstIndex: 0, atElement: true, stop: stop,
                    scratch: &scratch, into: &run, abandoned: abandoned)
                return (run, decoder.scanner, end)
            }
        }
    }
}
