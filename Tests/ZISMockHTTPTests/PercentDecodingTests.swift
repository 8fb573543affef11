import Testing
@testable import ZISMockHTTP

@Suite("Percent decoding")
struct PercentDecodingTests {
    func decode(_ text: String, plusIsSpace: Bool = true) -> String? {
        PercentDecoding.decode(Array(text.utf8), plusIsSpace: plusIsSpace)
    }

    @Test func decodesBrackets() {
        #expect(decode("page%5Bsize%5D") == "page[size]")
        #expect(decode("page%5bsize%5d") == "page[size]")
        #expect(decode("page[size]") == "page[size]")
    }

    @Test func plusIsASpaceOnlyInQueries() {
        #expect(decode("a+b", plusIsSpace: true) == "a b")
        #expect(decode("a+b", plusIsSpace: false) == "a+b")
        #expect(decode("a%2Bb", plusIsSpace: true) == "a+b")
        #expect(decode("a%20b", plusIsSpace: false) == "a b")
    }

    @Test func leavesPlainTextAlone() {
        #expect(decode("") == "")
        #expect(decode("salesforce_prod-1") == "salesforce_prod-1")
        #expect(decode("%25") == "%")
        #expect(decode("%2525") == "%25", "decoding happens once")
    }

    @Test(arguments: ["%", "%2", "a%", "%zz", "%2g", "%g2", "%%", "abc%5", "% 20"])
    func refusesBrokenEscapes(text: String) {
        #expect(decode(text) == nil, "\(text.debugDescription)")
        #expect(decode(text, plusIsSpace: false) == nil, "\(text.debugDescription)")
    }

    @Test func refusesAnEncodedNUL() {
        #expect(decode("%00") == nil)
        #expect(decode("a%00b") == nil)
    }

    @Test func decodesUTF8() {
        #expect(decode("caf%C3%A9") == "café")
        #expect(decode("%E2%82%AC") == "€")
        #expect(decode("caf\u{E9}") == "café", "raw UTF-8 passes through")
    }

    @Test(arguments: ["%FF", "%C3", "%C3%28", "%ED%A0%80", "%C0%AF", "%E2%82"])
    func refusesInvalidUTF8(text: String) {
        #expect(decode(text) == nil, "\(text)")
    }

    @Test func refusesInvalidRawBytes() {
        #expect(PercentDecoding.decode([0x61, 0xFF], plusIsSpace: false) == nil)
        #expect(PercentDecoding.decode([0xC3], plusIsSpace: true) == nil)
    }

    @Test func worksOnSlices() {
        let text = Array("x=page%5Bafter%5D&y".utf8)
        #expect(PercentDecoding.decode(text[2..<17], plusIsSpace: true) == "page[after]")
    }
}
