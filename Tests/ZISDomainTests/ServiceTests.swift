import Testing
@testable import ZISDomain
import ZISMockFixtures

@Suite struct ServiceTests {
    private func body(_ service: ZISService, _ query: [(String, String)] = []) throws -> [UInt8] {
        try service.listBody(query)
    }

    @Test func repeatedRequestsAreServedFromTheCache() throws {
        let service = Fixture.service(connectionCount: 5)
        let first = try body(service)
        let second = try body(service)
        #expect(first == second)
        // The same storage: the cached array was handed out again, not re-rendered.
        #expect(first.withUnsafeBufferPointer { $0.baseAddress } == second.withUnsafeBufferPointer { $0.baseAddress })
    }

    @Test func everyWriteInvalidatesCachedPages() throws {
        let service = Fixture.service(connectionCount: 5)
        _ = try body(service)
        try service.insertConnection(Fixture.connection("c0002a"), integration: Fixture.integration)
        #expect(try ListBody(try body(service)).names.contains("c0002a"))
        try service.replaceConnection(Fixture.connection("c0002a", type: .oauth), integration: Fixture.integration)
        #expect(try ListBody(try body(service)).namesByType["oauth"]?.contains("c0002a") == true)
        try service.removeConnection(named: "c0002a", integration: Fixture.integration)
        #expect(!(try ListBody(try body(service)).names.contains("c0002a")))
    }

    @Test func writesReportConflictsAndMissingThings() {
        let service = Fixture.service(connectionCount: 5)
        #expect(throws: ZISError.conflict(detail: "A connection named c0001 already exists")) {
            try service.insertConnection(Fixture.connection("c0001", type: .oauth), integration: Fixture.integration)
        }
        #expect { try service.removeConnection(named: "nope", integration: Fixture.integration) } throws: {
            ($0 as? ZISError)?.status == 404
        }
        #expect { try service.insertConnection(Fixture.connection("abc"), integration: "nope") } throws: {
            ($0 as? ZISError)?.status == 404
        }
        #expect(service.connection(named: "c0001", integration: Fixture.integration)?.type == .basicAuth)
    }

    @Test func cacheIsBounded() {
        var cache = RenderedPageCache(capacity: 4)
        for size in 1...10 { cache.store([UInt8(size)], for: PageRequest(size: size)) }
        #expect(cache.count == 4)
        #expect(cache.body(for: PageRequest(size: 10)) == [10])
    }

    @Test func replaceStateSwapsEverything() throws {
        let service = Fixture.service(connectionCount: 5)
        _ = try body(service)
        service.replaceState(with: Fixture.seed(connections: Fixture.connections(2)))
        #expect(try ListBody(try body(service)).names == ["c0000", "c0001"])
        service.replaceState(with: Seed())
        #expect(throws: ZISError.invalidCredentials) { try body(service) }
    }

    @Test func concurrentReadersSeeConsistentPagesWhileAWriterWorks() async throws {
        let service = Fixture.service(connectionCount: 400)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for round in 0..<300 {
                    let name = "c\(round)w"
                    try service.insertConnection(Fixture.connection(name), integration: Fixture.integration)
                    if round % 2 == 0 { try service.removeConnection(named: name, integration: Fixture.integration) }
                }
            }
            for reader in 0..<4 {
                group.addTask {
                    for round in 0..<200 {
                        let query = [("page[size]", String(1 + (round + reader) % 100)), ("page[after]", Fixture.name(round))]
                        let page = try service.list(query)
                        #expect(page.names == page.names.sorted())
                        #expect(page.names.first == Fixture.name(round + 1))
                        #expect(page.before == page.names.first && page.after == page.names.last)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try service.list([("page[after]", "c0399")]).names.count == 100)
    }
}
