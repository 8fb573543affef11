import Testing
@testable import ZISDomain

@Suite struct JSONWriterTests {
    private func written(_ build: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        build(&writer)
        return text(writer.bytes)
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() {
        #expect(written { $0.string("a\"b\\c") } == #""a\"b\\c""#)
        #expect(written { $0.string("\n\t\u{0}\u{1f}") } == #""\u000a\u0009\u0000\u001f""#)
    }

    @Test func passesUTF8AndSlashThrough() {
        #expect(written { $0.string("é€😀/\u{7f}") } == "\"é€😀/\u{7f}\"")
    }

    @Test func writesScalars() {
        #expect(written { $0.stringOrNull(nil) } == "null")
        #expect(written { $0.stringOrNull("x") } == "\"x\"")
        let booleans = written { writer in
            writer.bool(true)
            writer.raw(",")
            writer.bool(false)
        }
        #expect(booleans == "true,false")
        #expect(written { $0.integer(-42) } == "-42")
    }

    @Test func roundTripsThroughTheParser() throws {
        let original = "mixed \"quotes\" \\ \u{1} tab\t é 😀"
        let parsed = try JSONParser.parse(utf8(written { $0.string(original) }))
        #expect(parsed.kind == .string(original))
    }
}
