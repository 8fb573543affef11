import Testing
@testable import ZISDomain

/// A seed decoded in parts (small ones, so a test-sized seed splits) and by one thread, for the
/// tests that the two read the same (`SeedArrayPartsTests`, `SeedIntegrationPartsTests`).
enum SeedPartsReading {
    typealias Decoded = (seed: Seed, claimed: SeedDecoder.ClaimedNames, partsUsed: Int)

    static func decode(_ bytes: [UInt8], partMinimumBytes: Int) -> Result<Decoded, SeedError> {
        Result { () throws(SeedError) in
            try SeedDecoder.decode(bytes, file: "big.json", loadTime: "2024-03-01T00:00:00Z", claimed: .init(), partMinimumBytes: partMinimumBytes)
        }
    }

    /// The seed read in parts from `partMinimumBytes` and by one thread: both seeds, or both errors.
    static func bothWays(_ bytes: [UInt8], partMinimumBytes: Int) -> (inParts: Result<Decoded, SeedError>, oneThread: Result<Decoded, SeedError>) {
        (decode(bytes, partMinimumBytes: partMinimumBytes), decode(bytes, partMinimumBytes: .max))
    }

    /// Both errors; nil (with an issue recorded) unless both fail.
    static func bothFail(_ bytes: [UInt8], partMinimumBytes: Int) -> (inParts: SeedError, oneThread: SeedError)? {
        guard case (.failure(let inParts), .failure(let oneThread)) = bothWays(bytes, partMinimumBytes: partMinimumBytes) else {
            Issue.record("both should fail")
            return nil
        }
        return (inParts, oneThread)
    }

    static var hasSeveralProcessors: Bool { ParallelWork.processors > 1 }
}
