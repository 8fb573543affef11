import Testing
@testable import ZISDomain
import ZISMockFixtures

@Suite struct NameOrderTests {
    private func positions(_ names: [String]) -> [Int] {
        NameOrder.positionsAndRepeats(of: Segmented(names.map { Fixture.connection($0) })).positions
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

    /// Past `ParallelWork.minimumElements` the sort runs a stretch per processor, then merges:
    /// the order, the tie-break by position and the repeats found must be the one-thread ones.
    @Test func aBigSortMatchesStringOrderAndFindsEveryRepeat() {
        let count = ParallelWork.minimumElements * 2 + 17
        // Every name shares its first eight bytes ("connecti"), so each comparison goes on to the
        // whole name; three names are used twice.
        var names = (0..<count).map { "connection_\(($0 &* 7_919) % count)" }
        for (later, earlier) in [(count - 1, 5), (count / 2, count / 2 + 1), (100, 99)] { names[later] = names[earlier] }
        let connections = names.map { Fixture.connection($0) }
        let (order, repeats) = NameOrder.positionsAndRepeats(of: Segmented(connections))
        let expected = names.indices.sorted { names[$0] == names[$1] ? $0 < $1 : names[$0] < names[$1] }
        #expect(order == expected)
        #expect(Set(repeats.map { [$0.earlier, $0.later] }) == [[5, count - 1], [count / 2, count / 2 + 1], [99, 100]])
    }

    /// Connections in several segments (as a load's threads made them) sort as they would in one array.
    @Test func segmentsSortAsOneArray() {
        let count = ParallelWork.minimumElements + 99
        let connections = (0..<count).map { Fixture.connection("connection_\(($0 &* 7_919) % count)") }
        var segmented = Segmented<Connection>()
        for cut in stride(from: 0, to: count, by: count / 3 + 1) {
            segmented.append(Segmented(Array(connections[cut..<min(cut + count / 3 + 1, count)])))
        }
        #expect(segmented.count == count)
        #expect(NameOrder.positionsAndRepeats(of: segmented).positions == NameOrder.positionsAndRepeats(of: Segmented(connections)).positions)
    }
}
