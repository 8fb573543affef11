import Foundation
import Testing
import ZISDomain
import ZISMockFixtures
import ZISMockLocking
import ZISMockPersistence

/// The state log under concurrent writers: every change a call returned from is in the files
/// when they are opened again, with no clean shutdown, while compactions run in between.
@Suite("Persistence: group commit")
struct GroupCommitTests {
    static func open(_ path: String, notices: Locked<[String]>? = nil) throws -> (StateLog, ZISService) {
        let (log, state) = try StateFileLoader.open(
            path: path, compactionThreshold: 4096, seed: { Fixture.seed(connections: Fixture.connections(3)) },
            notice: { text in notices?.withLock { $0.append(text) } })
        let service = ZISService(prepared: state, changeSink: log)
        log.attach(service)
        return (log, service)
    }

    @Test func concurrentWritesAreAllDurableWhenTheyReturn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zis-mock-group-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.json").path
        var expected: Seed
        do {
            let (_, service) = try Self.open(path)
            DispatchQueue.concurrentPerform(iterations: 8) { writer in
                for index in 0..<40 {
                    let name = "w\(writer)_\(index)"
                    try? service.insertConnection(Fixture.connection(name, secret: "secret-\(writer)-\(index)"), integration: Fixture.integration)
                    if index % 3 == 0 { _ = try? service.removeConnection(named: name, integration: Fixture.integration) }
                    if index % 5 == 0 { try? service.registerToken("token-\(writer)-\(index)", integration: Fixture.integration, scopes: [.read]) }
                }
            }
            expected = service.exportSeed()
        }
        // No compactNow(): what the log and the snapshot hold is what a kill -9 would leave.
        let notices = Locked<[String]>([])
        let (log, reopened) = try Self.open(path, notices: notices)
        #expect(reopened.exportSeed() == expected)
        #expect(expected.integrations[0].connections.count == 3 + 8 * (40 - 14))
        #expect(notices.withLock { $0 }.isEmpty)
        log.close()
        let size = try FileManager.default.attributesOfItem(atPath: path + ".log")[.size] as? Int
        #expect(size == LogFormat.headerSize, "a compaction leaves a log of just its header")
    }
}
