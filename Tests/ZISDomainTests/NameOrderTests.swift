import Testing
@testable import ZISDomain
import ZISMockFixtures

@Suite struct NameOrderTests {
    private func positions(_ names: [String]) -> [Int] {
        NameOrder.positions(of: names.map { Fixture.connection($0) })
    }

    @Test func ordersLikeStringComparisonWhenEightBytePrefixesTie() {
        let names = ["conn_0000b", "conn_0000a", "conn_000", "conn_0000", "conn", "zz", "a"]
        let order = positions(names)
        #expect(order.map { names[$0] } == names.sorted())
    }

    @Test func keepsEqualNamesInTheirOriginalOrder() {
        #expect(positions(["b", "a", "b", "a"]) == [1, 3, 0, 2])
    }

    @Test func fallsBackToStringOrderForNonASCIINames() {
        // "é" as one scalar and as "e" + combining accent are equal Strings, both after "zz"; by
        // bytes the second would sort before "zz".
        let names = ["zz", "\u{E9}t\u{E9}", "e\u{301}t\u{E9}", "aa"]
        #expect(positions(names) == [3, 0, 1, 2])
    }
}
