import Testing
@testable import ZISDomain

/// A long integrations array is read in parts on several threads (`SeedDecoder+IntegrationParts`):
/// the seed, the names it claims, and every error with its line, column and path must be what
/// one thread reads.
@Suite struct SeedIntegrationPartsTests {
    /// Parts from 16 KiB, so a few hundred small integrations are enough to split.
    private static let smallParts = 1 << 14
    private static let count = 400

    /// `count` integrations, one per line, each with a token and two connections; `integration`
    /// overrides any of them.
    private static func seed(integration: (Int) -> String? = { _ in nil }) -> [UInt8] {
        let items = (0..<count).map { index in integration(index) ?? Self.integration(index) }
        return Array(#"{"integrations":[\#n\#(items.joined(separator: ",\n"))\#n]}"#.utf8)
    }

    private static func integration(_ index: Int, name: String? = nil, token: String? = nil, createdAt: String = "2024-01-01T00:00:00Z") -> String {
        let name = name ?? "bench_\(index)"
        let token = token ?? "bench-token-\(index)"
        return #"{"name":"\#(name)","tokens":[{"token":"\#(token)","scopes":["read","write"]}],"connections":{"api_key":["#
            + #"{"name":"api_a_\#(index)","allowed_domain":"api.example.com","header_name":"x-api-key","api_key":"k","created_at":"\#(createdAt)"},"#
            + #"{"name":"api_b_\#(index)","allowed_domain":"api.example.com","header_name":"x-api-key","api_key":"k"}]}}"#
    }

    @Test func partsReadTheSameSeedAndClaimTheSameNamesAsOneThread() throws {
        let (inParts, oneThread) = SeedPartsReading.bothWays(Self.seed(), partMinimumBytes: Self.smallParts)
        let parts = try inParts.get()
        let whole = try oneThread.get()
        #expect(parts.seed == whole.seed)
        #expect(parts.seed.integrations.count == Self.count)
        // What the next file is checked against: the same names, first seen at the same places.
        #expect(parts.claimed.integrations == whole.claimed.integrations)
        #expect(parts.claimed.tokens == whole.claimed.tokens)
        #expect(whole.claimed.integrations["bench_399"] == "big.json:401:9 integrations[399].name")
        #expect(whole.partsUsed == 0)
        if SeedPartsReading.hasSeveralProcessors { #expect(parts.partsUsed > 0) }
    }

    @Test func anErrorInALaterPartIsReportedAsOneThreadReportsIt() {
        let bad = Self.count * 3 / 4
        let bytes = Self.seed { index in index == bad ? Self.integration(index, createdAt: "2024-13-01T00:00:00Z") : nil }
        guard let (partsError, wholeError) = SeedPartsReading.bothFail(bytes, partMinimumBytes: Self.smallParts) else { return }
        #expect(partsError == wholeError)
        #expect(partsError.description.contains("integrations[\(bad)].connections.api_key[0].created_at"))
        #expect(partsError.description.contains("big.json:\(bad + 2):"))
    }

    /// The first use is in the first part, the repeat in the second: the part cannot see it, and
    /// the replay of its claims must.
    @Test func anIntegrationNameRepeatedAcrossPartsIsFound() {
        let bytes = Self.seed { index in index == Self.count - 10 ? Self.integration(index, name: "bench_5") : nil }
        guard let (partsError, wholeError) = SeedPartsReading.bothFail(bytes, partMinimumBytes: Self.smallParts) else { return }
        #expect(partsError == wholeError)
        #expect(partsError.description.contains(#"integration "bench_5" is already defined (first at big.json:7:9 integrations[5].name)"#))
    }

    @Test func aTokenRepeatedAcrossPartsIsFound() {
        let bytes = Self.seed { index in index == Self.count - 10 ? Self.integration(index, token: "bench-token-5") : nil }
        guard let (partsError, wholeError) = SeedPartsReading.bothFail(bytes, partMinimumBytes: Self.smallParts) else { return }
        #expect(partsError == wholeError)
        #expect(partsError.description.contains("integrations[\(Self.count - 10)].tokens[0].token"))
    }

    /// Both uses in the later part: found by the part, which is then read again by one thread.
    @Test func aNameRepeatedInsideALaterPartIsFound() {
        let bytes = Self.seed { index in index == Self.count - 5 ? Self.integration(index, name: "bench_\(Self.count - 8)") : nil }
        guard let (partsError, wholeError) = SeedPartsReading.bothFail(bytes, partMinimumBytes: Self.smallParts) else { return }
        #expect(partsError == wholeError)
        #expect(partsError.description.contains("integrations[\(Self.count - 8)].name"))
    }

    /// Names claimed by an earlier file are refused in a later part as in the first.
    @Test func aNameClaimedByAnEarlierFileIsFoundInALaterPart() throws {
        let earlier = try SeedDecoder.decode(
            Array(#"{"integrations":[\#(Self.integration(Self.count - 3))]}"#.utf8), file: "first.json", loadTime: "2024-03-01T00:00:00Z",
            claimed: .init())
        func decode(_ partMinimumBytes: Int) -> SeedError? {
            do {
                _ = try SeedDecoder.decode(Self.seed(), file: "big.json", loadTime: "2024-03-01T00:00:00Z", claimed: earlier.claimed,
                                           partMinimumBytes: partMinimumBytes)
                return nil
            } catch { return error }
        }
        let inParts = try #require(decode(Self.smallParts))
        #expect(inParts == decode(.max))
        #expect(inParts.description.contains("first at first.json:1:"))
    }
}
