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
        // The array's end is not known before it is read: the document's end stands in.
        let starts = guessedPartStarts(before: scanner.count, afterContainer: true, window: Self.integrationStartWindow)
        let parts = startParts(at: starts) { decoder, stop, abandoned throws(SeedError) in
            decoder.recordedClaims = []
            decoder.partsUsed = 0
            var run = IntegrationRun()
            let end = try decoder.decodeIntegrationRun(firstIndex: 0, atElement: true, stop: stop, into: &run.integrations, abandoned: abandoned)
            run.claims = decoder.recordedClaims ?? []
            run.partsUsed = decoder.partsUsed
            return (run, end)
        }
        try read(with: parts) { decoder, atElement, stop throws(SeedError) in
            try decoder.decodeIntegrationRun(firstIndex: integrations.count, atElement: atElement, stop: stop, into: &integrations)
        } adopt: { decoder, run in
            guard decoder.replay(run.claims, shift: integrations.count) else { return false }
            integrations += run.integrations
            decoder.partsUsed += run.partsUsed
            return true
        }
    }

    /// Decodes integrations from the scanner on, up to `stop` (`readElements`).
    private mutating func decodeIntegrationRun(
        firstIndex: Int, atElement: Bool, stop: Int, into integrations: inout [SeedIntegration], abandoned: () -> Bool = { false }
    ) throws(SeedError) -> RunEnd {
        try readElements(from: firstIndex, atElement: atElement, stop: stop, abandoned: abandoned, checkMask: 0) {
            decoder, index throws(SeedError) in
            integrations.append(try decoder.decodeIntegration(path: "integrations[\(index)]", depth: 3))
        }
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
}
