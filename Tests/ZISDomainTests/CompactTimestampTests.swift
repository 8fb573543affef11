import Testing
@testable import ZISDomain

@Suite struct CompactTimestampTests {
    @Test(arguments: ["2024-01-15T09:30:00Z", "0000-00-00T00:00:00Z", "9999-99-99T99:99:99Z", "2016-12-31T23:59:60Z"])
    func packsTheWholeSecondFormAndRendersItBack(text: String) {
        let timestamp = CompactTimestamp(text)
        #expect(timestamp.isPacked)
        #expect(timestamp.text == text)
    }

    @Test(arguments: [
        "1985-04-12T23:20:50.52Z", "", "not a timestamp", "2024-01-15T09:30:00z", "2024-01-15 09:30:00Z",
        "2024-01-15T09:30:0xZ", "2024-01-15T09:30:00Zx", "２０２４-01-15T09:30:00Z", "2O24-01-15T09:30:00Z",
        "2024-01-15T0:930:00Z", "2024-01-15T09:30:0/Z",
    ])
    func keepsAnyOtherTextAsGiven(text: String) {
        let timestamp = CompactTimestamp(text)
        #expect(!timestamp.isPacked)
        #expect(timestamp.text == text)
    }

    @Test func equalTextsAreEqualValues() {
        #expect(CompactTimestamp("2024-01-15T09:30:00Z") == CompactTimestamp("2024-01-15T09:30:00Z"))
        #expect(CompactTimestamp("2024-01-15T09:30:00Z") != CompactTimestamp("2024-01-15T09:30:01Z"))
    }

    @Test func rendersPackedAndTextTimestampsAsJSONStrings() {
        var writer = JSONWriter()
        writer.timestamp(CompactTimestamp("2024-01-15T09:30:00Z"))
        writer.timestamp(CompactTimestamp("a\"b"))
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""2024-01-15T09:30:00Z""a\"b""#)
    }

    @Test func aConnectionKeepsItsTimestampTexts() {
        var connection = Connection(
            name: "n", createdAt: "2024-01-15T09:30:00Z", updatedAt: "1985-04-12T23:20:50.52Z",
            payload: .bearerToken(BearerTokenFields(allowedDomain: "example.com", token: "t")))
        #expect(connection.createdAt == "2024-01-15T09:30:00Z")
        #expect(connection.updatedAt == "1985-04-12T23:20:50.52Z")
        connection.updatedAt = "2024-02-01T00:00:00Z"
        #expect(connection.updatedAt == "2024-02-01T00:00:00Z")
    }
}
