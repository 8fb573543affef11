import Testing
@testable import ZISDomain
import ZISMockFixtures

@Suite struct NameIndexTests {
    /// Deterministic pseudo-random numbers, so a failure reproduces.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    private func checkInvariants(_ index: NameIndex<Connection>, equals reference: [String]) {
        #expect(index.map(\.name) == reference)
        #expect(index.count == reference.count)
        #expect(index.chunks.allSatisfy { !$0.isEmpty && $0.count <= index.maxChunkCount })
    }

    @Test func randomInsertsAndRemovesMatchASortedArray() {
        var index = NameIndex<Connection>(maxChunkCount: 8)
        var reference: [String] = []
        var random = SplitMix(state: 42)
        for _ in 0..<3000 {
            let name = Fixture.name(random.next(400))
            if random.next(3) < 2 {
                let inserted = index.insert(Fixture.connection(name))
                #expect(inserted == !reference.contains(name))
                if inserted { reference.append(name); reference.sort() }
            } else {
                let removed = index.remove(named: name)
                #expect((removed != nil) == reference.contains(name))
                reference.removeAll { $0 == name }
            }
        }
        checkInvariants(index, equals: reference)
        for probe in 0..<400 {
            let name = Fixture.name(probe)
            #expect((index.element(named: name) != nil) == reference.contains(name))
        }
    }

    @Test func removingEverythingLeavesNoChunks() {
        var index = NameIndex<Connection>(sortedUniqueElements: Fixture.connections(100), maxChunkCount: 8)
        for position in stride(from: 99, through: 0, by: -3) { index.remove(named: Fixture.name(position)) }
        for position in 0..<100 { index.remove(named: Fixture.name(position)) }
        #expect(index.isEmpty)
        #expect(index.chunks.isEmpty)
        let inserted = index.insert(Fixture.connection("again"))
        #expect(inserted)
        #expect(index.map(\.name) == ["again"])
    }

    @Test func bulkBuildFillsChunksToThreeQuarters() {
        let index = NameIndex<Connection>(sortedUniqueElements: Fixture.connections(1000))
        #expect(index.chunks.first?.count == 384)
        checkInvariants(index, equals: (0..<1000).map(Fixture.name))
    }

    @Test func replaceKeepsPositionAndRequiresAnExistingName() {
        var index = NameIndex<Connection>(sortedUniqueElements: Fixture.connections(10))
        let changed = Fixture.connection(Fixture.name(3), type: .bearerToken)
        let old = index.replace(changed)
        #expect(old?.type == .oauth)
        #expect(index.element(named: Fixture.name(3)) == changed)
        let missing = index.replace(Fixture.connection("missing"))
        #expect(missing == nil)
    }

    @Test func boundsFindNamesThatAreNotPresent() {
        let index = NameIndex<Connection>(sortedUniqueElements: ["b", "d", "f"].map { Fixture.connection($0) }, maxChunkCount: 4)
        #expect(index[index.firstIndex(after: "c")].name == "d")
        #expect(index[index.firstIndex(after: "d")].name == "f")
        #expect(index[index.firstIndex(notBefore: "d")].name == "d")
        #expect(index.firstIndex(after: "f") == index.endIndex)
        #expect(index.firstIndex(notBefore: "a") == index.startIndex)
    }

    @Test func ordersByBytesNotByLocale() {
        var index = NameIndex<Connection>()
        for name in ["b", "B", "_x", "-x", "9", "a"] { index.insert(Fixture.connection(name)) }
        // '-' 0x2D < '9' 0x39 < 'B' 0x42 < '_' 0x5F < 'a' 0x61 < 'b' 0x62
        #expect(index.map(\.name) == ["-x", "9", "B", "_x", "a", "b"])
    }

    /// Past `ParallelWork.minimumElements` the chunks are filled on several threads.
    @Test func aBigIndexIsFilledInNameOrderInFullChunks() {
        let count = ParallelWork.minimumElements * 2 + 5
        let sorted = (0..<count).map { Fixture.connection(Fixture.name($0)) }.sorted { $0.name < $1.name }
        let reversed = Array(sorted.reversed())
        let index = NameIndex(Segmented(reversed), inNameOrder: Array(reversed.indices.reversed()))
        checkInvariants(index, equals: sorted.map(\.name))
        #expect(index.chunks.dropLast().allSatisfy { $0.count == index.maxChunkCount * 3 / 4 })
        checkInvariants(NameIndex(sortedUniqueElements: sorted), equals: sorted.map(\.name))
    }
}

