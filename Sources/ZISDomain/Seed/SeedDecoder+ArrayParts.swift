/// A long connection array read by several threads at once (issue 20: a million connections
/// were most of a start), in the parts of `SeedDecoder+Parts`: the result (connections, order,
/// line and column of every position) and every error, found and worded, are one thread's.
extension SeedDecoder {
    /// Connections decoded by one run of elements, with where each one's name is (for the
    /// repeated-name error). Kept in segments: a part's run is taken in without a copy.
    struct ElementRun: Sendable {
        private(set) var connections = Segmented<Connection>()
        private(set) var namePositions = Segmented<SourcePosition>()

        var count: Int { connections.count }

        mutating func append(_ connection: Connection, namePosition: SourcePosition) {
            connections.append(connection)
            namePositions.append(namePosition)
        }

        mutating func append(_ run: ElementRun) {
            connections.append(run.connections)
            namePositions.append(run.namePositions)
        }

        mutating func startSegment(reserving count: Int) {
            connections.startSegment(reserving: count)
            namePositions.startSegment(reserving: count)
        }
    }

    /// Decodes the elements of the array entered last, appending them to `run`.
    mutating func decodeElements(
        schema: ConnectionSeedSchema, type: ConnectionType, arrayPath: String, depth: Int,
        scratch: inout Scratch, into run: inout ElementRun
    ) throws(SeedError) {
        let first = run.count
        // The array's end is guessed as its first `]`, which can only be early.
        let arrayEnd = scanner.firstOffset(of: UInt8(ascii: "]"), from: scanner.offset)
        let starts = guessedPartStarts(before: arrayEnd)
        let parts = startParts(at: starts) { decoder, stop, abandoned throws(SeedError) in
            // Its own copy: the shared one's arrays had their reference counts bumped by both threads.
            let schema = ConnectionSeedSchema.fresh(type)
            var scratch = Scratch(slots: schema.keys.names.count)
            var run = ElementRun()
            let end = try decoder.decodeRun(
                schema: schema, arrayPath: arrayPath, depth: depth, firstIndex: 0, atElement: true, stop: stop,
                expectedEnd: min(stop, arrayEnd), scratch: &scratch, into: &run, abandoned: abandoned)
            return (run, end)
        }
        try read(with: parts) { decoder, atElement, stop throws(SeedError) in
            try decoder.decodeRun(
                schema: schema, arrayPath: arrayPath, depth: depth, firstIndex: run.count - first, atElement: atElement,
                stop: stop, expectedEnd: min(stop, arrayEnd), scratch: &scratch, into: &run)
        } adopt: { _, partRun in
            run.append(partRun)
            return true
        }
    }

    /// Decodes connections from the scanner on, up to `stop` (`readElements`). Once a few are
    /// read, the run goes on in a segment with room for as many more as fit before `expectedEnd`
    /// at their average length: grown by doubling, its arrays were copied at every growth, into
    /// fresh pages.
    private mutating func decodeRun(
        schema: ConnectionSeedSchema, arrayPath: String, depth: Int, firstIndex: Int, atElement: Bool, stop: Int,
        expectedEnd: Int, scratch: inout Scratch, into run: inout ElementRun, abandoned: () -> Bool = { false }
    ) throws(SeedError) -> RunEnd {
        let sample = (index: firstIndex + Self.sizingSample, offset: scanner.offset)
        return try readElements(from: firstIndex, atElement: atElement, stop: stop, abandoned: abandoned, checkMask: 4095) {
            decoder, index throws(SeedError) in
            if index == sample.index, expectedEnd - sample.offset >= Self.partMinimumBytes {
                let averageBytes = max((decoder.scanner.offset - sample.offset) / Self.sizingSample, 1)
                run.startSegment(reserving: (expectedEnd - decoder.scanner.offset) / averageBytes * 17 / 16)
            }
            let connection = try decoder.decodeConnection(schema: schema, scratch: &scratch, path: "\(arrayPath)[\(index)]", depth: depth)
            run.append(connection, namePosition: scratch.fields[0]!.position)
        }
    }

    /// How many connections a run reads before it sizes its arrays from their average length.
    private static let sizingSample = 256
}
