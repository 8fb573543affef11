import Testing
@testable import ZISDomain
import ZISMockFixtures

@Suite struct PaginationTests {
    let service = Fixture.service(connectionCount: 250)
    let allNames = (0..<250).map(Fixture.name)

    @Test func forwardWalkVisitsEveryConnectionOnceInOrder() throws {
        var visited: [String] = []
        var page = try service.list([("page[size]", "7")])
        visited += page.names
        while page.hasMore {
            page = try service.list([("page[size]", "7"), ("page[after]", try #require(page.after))])
            visited += page.names
        }
        #expect(visited == allNames)
    }

    @Test func backwardWalkVisitsEveryConnectionOnceInOrder() throws {
        var visited: [String] = []
        var page = try service.list([("page[size]", "9"), ("page[before]", "zzz")])
        visited = page.names + visited
        while page.hasMore {
            page = try service.list([("page[size]", "9"), ("page[before]", try #require(page.before))])
            visited = page.names + visited
        }
        #expect(visited == allNames)
    }

    @Test func defaultPageIsTheFirstHundred() throws {
        let page = try service.list()
        #expect(page.names == Array(allNames.prefix(100)))
        #expect(page.before == Fixture.name(0))
        #expect(page.after == Fixture.name(99))
        #expect(page.hasMore)
        #expect(page.namesByType.keys.sorted() == ["api_key", "basic_auth", "bearer_token", "oauth"])
        #expect(try service.list([("page[size]", "500")]).names.count == 100)
    }

    @Test func bothCursorsSelectTheWindowBetweenThemFromTheAfterSide() throws {
        let page = try service.list([("page[size]", "3"), ("page[after]", "c0010"), ("page[before]", "c0020")])
        #expect(page.names == ["c0011", "c0012", "c0013"])
        #expect(page.hasMore)
        let last = try service.list([("page[size]", "3"), ("page[after]", "c0016"), ("page[before]", "c0020")])
        #expect(last.names == ["c0017", "c0018", "c0019"])
        #expect(!last.hasMore)
        let crossed = try service.list([("page[after]", "c0020"), ("page[before]", "c0010")])
        #expect(crossed.names.isEmpty && !crossed.hasMore)
    }

    @Test func cursorsNamingAbsentConnectionsStillPosition() throws {
        #expect(try service.list([("page[size]", "2"), ("page[after]", "c0010x")]).names == ["c0011", "c0012"])
        #expect(try service.list([("page[size]", "2"), ("page[before]", "c0010x")]).names == ["c0009", "c0010"])
        #expect(try service.list([("page[size]", "2"), ("page[after]", "A")]).names == ["c0000", "c0001"])
    }

    @Test func hasMoreFollowsTheDirectionOfTravel() throws {
        let lastForward = try service.list([("page[size]", "10"), ("page[after]", "c0239")])
        #expect(lastForward.names.count == 10 && !lastForward.hasMore)
        let firstBackward = try service.list([("page[size]", "10"), ("page[before]", "c0010")])
        #expect(firstBackward.names == (0..<10).map(Fixture.name))
        #expect(!firstBackward.hasMore)
        let middleBackward = try service.list([("page[size]", "10"), ("page[before]", "c0011")])
        #expect(middleBackward.hasMore)
        // Backwards from the start, more exist forward, yet none in the direction of travel.
        #expect(!(try service.list([("page[before]", "c0000")]).hasMore))
    }

    @Test func emptyPageHasNullMeta() throws {
        let bytes = try service.listBody([("page[after]", "zzz")])
        #expect(text(bytes) == #"{"api_key":[],"basic_auth":[],"bearer_token":[],"oauth":[],"meta":{"after":null,"before":null,"has_more":false}}"#)
    }

    @Test func walksDuringWritesNeverDuplicateOrSkipSurvivors() throws {
        // Even-numbered connections live throughout; odd ones are deleted and new ones created mid-walk.
        let service = Fixture.service(connectionCount: 300)
        let survivors = (0..<300).filter { $0 % 2 == 0 }.map(Fixture.name)
        var visited: [String] = []
        var page = try service.list([("page[size]", "13")])
        var round = 0
        while true {
            visited += page.names
            guard page.hasMore else { break }
            round += 1
            try service.removeConnection(named: Fixture.name(round * 2 - 1), integration: Fixture.integration)
            try service.removeConnection(named: Fixture.name(299 - round * 2), integration: Fixture.integration)
            try service.insertConnection(Fixture.connection("c\(round)new"), integration: Fixture.integration)
            page = try service.list([("page[size]", "13"), ("page[after]", try #require(page.after))])
        }
        #expect(Set(visited).count == visited.count, "no connection is visited twice")
        #expect(visited == visited.sorted(), "the walk stays in name order")
        #expect(Set(survivors).isSubset(of: Set(visited)), "no survivor is skipped")
    }
}
