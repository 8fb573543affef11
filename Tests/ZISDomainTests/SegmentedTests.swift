import Testing
@testable import ZISDomain
import ZISMockFixtures

/// `Segmented`: elements kept in the arrays they were made in, read as one sequence.
@Suite struct SegmentedTests {
    private func segmented(_ segments: [[Int]]) -> Segmented<Int> {
        var all = Segmented<Int>()
        for segment in segments {
            var next = Segmented<Int>()
            for element in segment { next.append(element) }
            all.append(next)
        }
        return all
    }

    @Test func segmentsReadAsOneSequenceInTheirOrder() {
        let all = segmented([[0, 1, 2], [], [3], [4, 5]])
        #expect(all.count == 6)
        #expect((0..<6).map { all[$0] } == [0, 1, 2, 3, 4, 5])
        #expect(all.joined == [0, 1, 2, 3, 4, 5])
        #expect(all.withBuffers { buffers in (0..<buffers.count).map { buffers[$0] } } == [0, 1, 2, 3, 4, 5])
    }

    @Test func elementsAppendedAfterASegmentComeAfterIt() {
        var all = segmented([[0, 1]])
        all.append(2)
        all.append(segmented([[3, 4]]))
        all.append(5)
        all.startSegment(reserving: 100)
        all.append(6)
        all.startSegment(reserving: 1)
        #expect(all.joined == [0, 1, 2, 3, 4, 5, 6])
        #expect(all[5] == 5 && all[6] == 6 && all[2] == 2)
        #expect(all.withBuffers { buffers in (0..<buffers.count).map { buffers[$0] } } == [0, 1, 2, 3, 4, 5, 6])
    }

    @Test func anEmptyOneHasNoElements() {
        let empty = Segmented<Int>()
        #expect(empty.count == 0 && empty.joined.isEmpty)
        #expect(empty.withBuffers(\.count) == 0)
    }

    /// The store is filled from the segments where they are.
    @Test func anIndexFilledFromSegmentsMatchesOneFromAnArray() {
        let names = (0..<2_000).map { "name_\(($0 &* 7_919) % 2_000)" }
        let connections = names.map { Fixture.connection($0) }
        var segments = Segmented<Connection>()
        for cut in stride(from: 0, to: 2_000, by: 700) { segments.append(Segmented(Array(connections[cut..<min(cut + 700, 2_000)]))) }
        let order = NameOrder.positionsAndRepeats(of: segments).positions
        let index = NameIndex(segments, inNameOrder: order)
        #expect(index.chunks.joined().map(\.name) == names.sorted())
    }
}
