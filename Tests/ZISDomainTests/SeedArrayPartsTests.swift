import Testing
@testable import ZISDomain

/// A long connection array is read in parts on several threads (`SeedDecoder+ArrayParts`); what
/// comes out, and every error with its line, column and path, must be what one thread reads.
@Suite struct SeedArrayPartsTests {
    /// Parts from 64 KiB, so a few thousand connections are enough to split.
    private static let smallParts = 1 << 16
    private static let count = 4_000

    /// One integration whose api_key array holds `count` connections, one per line; `item`
    /// overrides the fields of any of them.
    private static func seed(item: (Int) -> String? = { _ in nil }) -> [UInt8] {
        let items = (0..<count).map { index in
            item(index) ?? #"{"name":"c\#(10_000 + index)","allowed_domain":"api.example.com","header_name":"x-api-key","api_key":"key-\#(index)","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-02T00:00:00Z"}"#
        }
        return Array(#"{"integrations":[{"name":"acme","connections":{"api_key":[\#n\#(items.joined(separator: ",\n"))\#n]}}]}"#.utf8)
    }

    @Test func partsReadTheSameSeedAsOneThread() throws {
        let (inParts, oneThread) = SeedPartsReading.bothWays(Self.seed(), partMinimumBytes: Self.smallParts)
        let parts = try inParts.get()
        let whole = try oneThread.get()
        #expect(parts.seed == whole.seed)
        #expect(parts.seed.integrations[0].nameOrder == whole.seed.integrations[0].nameOrder)
        #expect(parts.seed.integrations[0].connections.count == Self.count)
        #expect(whole.partsUsed == 0)
        if SeedPartsReading.hasSeveralProcessors { #expect(parts.partsUsed > 0) }
    }

    @Test func anErrorInALaterPartIsReportedAsOneThreadReportsIt() {
        let bad = Self.count * 3 / 4
        let bytes = Self.seed { index in
            index == bad ? #"{"name":"late","allowed_domain":"api.example.com","header_name":"x-api-key","api_key":"k","created_at":"2024-13-01T00:00:00Z"}"# : nil
        }
        guard let (partsError, wholeError) = SeedPartsReading.bothFail(bytes, partMinimumBytes: Self.smallParts) else { return }
        #expect(partsError == wholeError)
        #expect(partsError.description.contains("connections.api_key[\(bad)].created_at"))
        #expect(partsError.description.contains("big.json:\(bad + 2):"))
    }

    @Test func aNameRepeatedAcrossPartsIsFound() {
        let bytes = Self.seed { index in
            index == Self.count - 10 ? #"{"name":"c10005","allowed_domain":"api.example.com","header_name":"x-api-key","api_key":"k"}"# : nil
        }
        guard let (partsError, wholeError) = SeedPartsReading.bothFail(bytes, partMinimumBytes: Self.smallParts) else { return }
        #expect(partsError == wholeError)
        #expect(partsError.description.contains(#"name "c10005" is already used by integrations[0].connections.api_key[5]"#))
    }

    /// Every key holds `},{` inside a string, so each guessed part start lands in a string; the
    /// guess is proven wrong and dropped.
    @Test func aGuessInsideAStringIsNotUsed() throws {
        let bytes = Self.seed { index in
            #"{"name":"c\#(10_000 + index)","allowed_domain":"api.example.com","header_name":"x-api-key","api_key":"a},{\"name\":\"b"}"#
        }
        let (inParts, oneThread) = SeedPartsReading.bothWays(bytes, partMinimumBytes: Self.smallParts)
        let parts = try inParts.get()
        #expect(parts.seed == (try oneThread.get()).seed)
        #expect(parts.partsUsed == 0)
    }

    /// A repeated name found in a later part is reported at its position as that part read it:
    /// right where lines hold several elements and multi-byte characters come before it.
    @Test func positionsInALaterPartAreOneThreadsPositions() {
        var text = Self.seed { index in
            let name = index == 3_900 ? "c10005" : "c\(10_000 + index)"
            return #"{"api_key":"é-\#(index)","name":"\#(name)","allowed_domain":"api.example.com","header_name":"x-api-key"}"#
        }
        // Two elements on one line from a third of the way on: a part can start mid-line.
        let joiner = Array(",\n".utf8)
        if let cut = text.indices.first(where: { $0 > text.count / 3 && text[$0...].starts(with: joiner) }) {
            text.remove(at: cut + 1)
        }
        guard let (partsError, wholeError) = SeedPartsReading.bothFail(text, partMinimumBytes: Self.smallParts) else { return }
        #expect(partsError == wholeError)
        #expect(partsError.description.contains("api_key[3900].name"))
    }
}
