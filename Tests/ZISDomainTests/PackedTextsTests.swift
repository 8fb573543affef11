import Testing
@testable import ZISDomain

@Suite struct PackedTextsTests {
    private let texts = ["", "at-1", "é – ünïcode", String(repeating: "x", count: 70_000), "", "00000000-0000-4000-8000-000000000003", "", "", "bearer", "z"]

    @Test func keepsEveryTextAsGiven() {
        let packed = PackedTexts(texts)
        #expect((0..<PackedTexts.count).map { packed[$0] } == texts)
    }

    @Test func settingOneTextLeavesTheOthers() {
        var packed = PackedTexts(texts)
        packed[5] = "new"
        var expected = texts
        expected[5] = "new"
        #expect((0..<PackedTexts.count).map { packed[$0] } == expected)
        #expect(packed == PackedTexts(expected))
    }

    @Test func equalityTellsWhereTextsSplit() {
        let first = PackedTexts(["ab", "", "", "", "", "", "", "", "", ""])
        let second = PackedTexts(["a", "b", "", "", "", "", "", "", "", ""])
        #expect(first != second)
    }

    @Test func anOAuthPayloadIsNoWiderThanTheOthers() {
        #expect(MemoryLayout<OAuthConnectionFields>.size <= MemoryLayout<APIKeyFields>.size)
    }
}
