/// A long integrations array read by several threads at once (issue 20): a million connections
/// over a thousand integrations are a thousand connection arrays, each too short for
/// `SeedDecoder+ArrayParts` to split. The same scheme one level up: the array is cut at guessed
/// integration starts, a helper thread decodes whole integrations from each guess, and a part is
/// used only when the reading before it ended exactly where the part starts.
///
/// What a part cannot know is what the integrations before it claimed (names and tokens are
/// unique across the seed) and its integrations' indices. So it records its claims, with indices
/// counted from its own start, and they are replayed, shifted, when the part is used. A part one
/// of whose names was claimed before it is dropped and read again by this thread, which then
/// reports the repeat as a single thread does.
extension SeedDecoder {
    /// A unique name that a part's decoder claimed.
    struct RecordedClaim: Sendable {
        let names: ClaimedList
        let name: String
        let position: SourcePosition
        /// With its integration's index counted from the part's start: `integrations[0].name`.
        let path: String
    }

    /// Integrations decoded by one part, with what it claimed.
    struct IntegrationRun: Sendable {
        var integrations: [SeedIntegration] = []
        var claims: [RecordedClaim] = []
        var partsUsed = 0
    }

    /// An integration may be far longer than a connection: how far past a cut its start is looked
    /// for. One longer than this has connection arrays long enough to be read in parts themselves.
    static let integrationStartWindow = 1 << 22

    /// Decodes the elements of the integrations array, entered last, appending them to `integrations`.
    mutating func decodeIntegrations(into integrations: inout [SeedIntegration]) throws(SeedError) {
        var pending = startIntegrationParts()[...]
        defer { for part in pending { part.abandon() } }
        var atElement = false
        while true {
            let end = try decodeIntegrationRun(
                firstIndex: integrations.count, atElement: atElement, stop: pending.first?.start ?? Int.max, into: &integrations)
            guard case .element(let offset) = end else { return }
            let part = pending.removeFirst()
            if offset == part.start, let (run, partScanner, partEnd) = part.result(), replay(run.claims, shift: integrations.count) {
                integrations += run.integrations
                scanner = partScanner
                partsUsed += 1 + run.partsUsed
                if partEnd == .arrayEnd { return }
            } else {
                part.abandon()
            }
            while let next = pending.first, next.start < scanner.offset { pending.removeFirst().abandon() }
            atElement = true
        }
    }

    /// Decodes integrations from the scanner on (`atElement`: it is at one; otherwise just inside
    /// the `[`) until the array ends or an element starts at or past `stop`.
    private mutating func decodeIntegrationRun(
        firstIndex: Int, atElement: Bool, stop: Int, into integrations: inout [SeedIntegration], abandoned: () -> Bool = { false }
    ) throws(SeedError) -> RunEnd {
        var index = firstIndex
        var more = atElement
        if !more { more = try nextElement(afterElement: false) }
        while more {
            if scanner.offset >= stop { return .element(at: scanner.offset) }
            if abandoned() { return .abandoned }
            integrations.append(try decodeIntegration(path: "integrations[\(index)]", depth: 3))
            index += 1
            more = try nextElement(afterElement: true)
        }
        return .arrayEnd
    }

    /// Adds a part's claims with its integrations' indices moved by `shift`; false, adding none,
    /// when any of the names was claimed already.
    private mutating func replay(_ claims: [RecordedClaim], shift: Int) -> Bool {
        guard !claims.contains(where: { claimed[keyPath: $0.names][$0.name] != nil }) else { return false }
        for claim in claims {
            claimed[keyPath: claim.names][claim.name] = claimLocation(claim.position, path: Self.shifted(claim.path, by: shift))
        }
        return true
    }

    /// `integrations[3].name` moved by 10: `integrations[13].name`.
    private static func shifted(_ path: String, by shift: Int) -> String {
        let prefix = "integrations["
        guard path.hasPrefix(prefix), let close = path.firstIndex(of: "]"),
              let index = Int(path[path.index(path.startIndex, offsetBy: prefix.count)..<close])
        else { return path }
        return "\(prefix)\(index + shift)\(path[close...])"
    }

    /// One part per processor after the first, each from a guessed integration start; none for a
    /// short array. The array's end is not known before it is read: the document's end stands in.
    private func startIntegrationParts() -> [ArrayPart<IntegrationRun>] {
        let processors = ParallelWork.processors
        let (from, end) = (scanner.offset, scanner.count)
        guard processors > 1, end - from >= partMinimumBytes else { return [] }
        var starts: [Int] = []
        for part in 1..<processors {
            guard let start = scanner.elementStart(
                near: from + (end - from) / processors * part, afterContainer: true, window: Self.integrationStartWindow),
                start < end, start > starts.last ?? from
            else { continue }
            starts.append(start)
        }
        return starts.indices.map { [starts] index in
            let (start, stop) = (starts[index], index + 1 < starts.count ? starts[index + 1] : Int.max)
            // As in `SeedDecoder+ArrayParts`: the bytes stay alive until every part has been waited for.
            nonisolated(unsafe) let decoder = self
            return ArrayPart(start: start) { abandoned throws(SeedError) in
                var decoder = decoder
                decoder.scanner = decoder.scanner.skipped(to: start)
                decoder.recordedClaims = []
                decoder.partsUsed = 0
                var run = IntegrationRun()
                let end = try decoder.decodeIntegrationRun(
                    firstIndex: 0, atElement: true, stop: stop, into: &run.integrations, abandoned: abandoned)
                run.claims = decoder.recordedClaims ?? []
                run.partsUsed = decoder.partsUsed
                return (run, decoder.scanner, end)
            }
        }
    }
}
