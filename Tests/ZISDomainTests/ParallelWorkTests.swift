import Testing
@testable import ZISDomain
import ZISMockLocking

@Suite struct ParallelWorkTests {
    private func stretches(of count: Int, elements: Int? = nil) -> (made: Int, seen: [Range<Int>]) {
        let seen = Locked<[Range<Int>]>([])
        let made = ParallelWork.forEachStretch(of: count, elements: elements) { stretch in seen.withLock { $0.append(stretch) } }
        return (made, seen.withLock { $0.sorted { $0.lowerBound < $1.lowerBound } })
    }

    @Test func smallWorkIsOneStretchOverAll() {
        let (made, seen) = stretches(of: 1000)
        #expect(made == 1)
        #expect(seen == [0..<1000])
    }

    /// A few groups of many elements (the store's chunks) are spread like many elements.
    @Test func bigWorkIsAStretchPerProcessorCoveringEachIndexOnce() {
        for (count, elements) in [(ParallelWork.minimumElements + 3, nil), (5, ParallelWork.minimumElements)] {
            let (made, seen) = stretches(of: count, elements: elements)
            #expect(made == min(ParallelWork.processors, count))
            #expect(seen.count == made)
            #expect(seen.first?.lowerBound == 0 && seen.last?.upperBound == count)
            #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        }
    }
}
