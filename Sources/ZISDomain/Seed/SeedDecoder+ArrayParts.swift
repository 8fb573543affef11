/// A long connection array read by several threads at once (issue 20: a million connections
/// were most of a start), in the parts of `SeedDecoder+Parts`: the result (connections, order,
/// line and column of every position) and every error, found and worded, are one thread's.
extension SeedDecoder {
    /// Connections decoded by one run of elements, with where each came from.
    struct ElementRun: Sendable {
        var connections: [Connection] = []
        var origins: [Origin] = []
    }

    /// Decodes the elements of the array entered last, appending them to `run`.
    mutating func decodeElements(
        schema: ConnectionSeedSchema, type: ConnectionType, arrayPath: String, depth: Int,
        scratch: inout Scratch, into run: inout ElementRun
    ) throws(SeedError) {
        let first = run.connections.count
        // The array's end is guessed as its first `]`, which can only be early.
        let starts = guessedPartStarts(before: scanner.firstOffset(of: UInt8(ascii: "]"), from: scanner.offset))
        let parts = startParts(at: starts) { decoder, stop, abandoned throws(SeedError) in
            // Its own copy: the shared one's arrays had their reference counts bumped by both threads.
            let schema = ConnectionSeedSchema.fresh(type)
            var scratch = Scratch(slots: schema.keys.names.count)
            var run = ElementRun()
            let end = try decoder.decodeRun(
                schema: schema, type: type, arrayPath: arrayPath, depth: depth, firstIndex: 0, atElement: true, stop: stop,
                scratch: &scratch, into: &run, abandoned: abandoned)
            return (run, end)
        }
        try read(with: parts) { decoder, atElement, stop throws(SeedError) in
            try decoder.decodeRun(
                schema: schema, type: type, arrayPath: arrayPath, depth: depth, firstIndex: run.connections.count - first,
                atElement: atElement, stop: stop, scratch: &scratch, into: &run)
        } adopt: { _, partRun in
            let shift = run.connections.count - first
            run.connections += partRun.connections
            run.origins += partRun.origins.map { Origin(type: $0.type, index: $0.index + shift, namePosition: $0.namePosition) }
            return true
        }
    }

    /// Decodes connections from the scanner on, up to `stop` (`readElements`).
    private mutating func decodeRun(
        schema: ConnectionSeedSchema, type: ConnectionType, arrayPath: String, depth: Int, firstIndex: Int,
        atElement: Bool, stop: Int, scratch: inout Scratch, into run: inout ElementRun, abandoned: () -> Bool = { false }
    ) throws(SeedError) -> RunEnd {
        try readElements(from: firstIndex, atElement: atElement, stop: stop, abandoned: abandoned, checkMask: 4095) {
            decoder, index throws(SeedError) in
            let connection = try decoder.decodeConnection(schema: schema, scratch: &scratch, path: "\(arrayPath)[\(index)]", depth: depth)
            run.connections.append(connection)
            run.origins.append(Origin(type: type, index: index, namePosition: scratch.fields[0]!.position))
        }
    }
}
