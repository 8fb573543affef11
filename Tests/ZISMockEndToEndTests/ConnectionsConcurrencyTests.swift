import Foundation
import Synchronization
import ZISMockLocking
import Testing

/// No lost data under load (issue 4): many clients creating at once, and a paginated walk that
/// runs while others create and delete.
@Suite("End to end: concurrent connection writes")
struct ConnectionsConcurrencyTests {
    static let types = [
        ("api_key", #""header_name":"X-Key","api_key""#),
        ("basic_auth", #""username":"bot","password""#),
        ("bearer_token", #""token""#),
    ]

    static func body(type: Int, name: String, secret: String) -> String {
        #"{"name":"\#(name)","allowed_domain":"load.example.com",\#(types[type].1):"\#(secret)"}"#
    }

    /// Runs `work(index)` on `count` threads that all start together; returns the errors thrown.
    static func runConcurrently(_ count: Int, _ work: @escaping @Sendable (Int) throws -> Void) -> [String] {
        let failures = Locked<[String]>([])
        let group = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                start.wait()
                do { try work(index) } catch { failures.withLock { $0.append("\(index): \(error)") } }
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        for _ in 0..<count { start.signal() }
        group.wait()
        return failures.withLock { $0 }
    }

    @Test func fiftyClientsCreateAThousandConnectionsAndNoneIsLost() throws {
        try withServer { server in
            // Every created secret starts with this marker, so one scan per response covers them all.
            let secrets = CreatedSecrets()
            secrets.add("load-secret-")
            let clients = 50
            let perClient = 20
            let statuses = Locked<[Int: Int]>([:])
            let failures = Self.runConcurrently(clients) { clientIndex in
                let client = try CRUDClient(server, secrets: secrets)
                for item in 0..<perClient {
                    let number = clientIndex * perClient + item
                    let name = "load_\(String(format: "%04d", number))"
                    let secret = "load-secret-\(number)-\(UUID().uuidString)"
                    let type = number % 3
                    let response = try client.send(
                        "POST", Paths.typed(Self.types[type].0), json: Self.body(type: type, name: name, secret: secret))
                    statuses.withLock { $0[response.status, default: 0] += 1 }
                }
            }
            #expect(failures.isEmpty)
            #expect(statuses.withLock { $0 } == [201: clients * perClient])

            let names = try walkAllNames(try CRUDClient(server, secrets: secrets), pageSize: 100)
            let created = names.filter { $0.hasPrefix("load_") }
            #expect(created == (0..<(clients * perClient)).map { "load_\(String(format: "%04d", $0))" })
            #expect(names.count == Seeded.connectionCount + clients * perClient)
            #expect(Set(names).count == names.count)
            #expect(names == names.sorted())
        }
    }

    @Test func aPaginatedWalkDuringCreatesAndDeletesNeverDuplicatesOrSkips() throws {
        try withServer { server in
            let secrets = CreatedSecrets()
            secrets.add("churn-secret-")
            let reader = try CRUDClient(server, secrets: secrets)
            // Every seeded connection exists for the whole walk; the churn only adds and removes others.
            let stable = Set(try walkAllNames(reader))
            #expect(stable.count == Seeded.connectionCount)

            let stop = Atomic<Bool>(false)
            let churners = 4
            let writes = Atomic<Int>(0)
            let walks = Locked<[[String]]>([])
            let failures = Self.runConcurrently(churners + 1) { index in
                if index == churners {
                    defer { stop.store(true, ordering: .sequentiallyConsistent) }
                    let walker = try CRUDClient(server, secrets: secrets)
                    for pageSize in [7, 13, 50, 100, 3] {
                        let walk = try walkAllNames(walker, pageSize: pageSize)
                        walks.withLock { $0.append(walk) }
                    }
                    return
                }
                let client = try CRUDClient(server, secrets: secrets)
                var round = 0
                // Names interleave with the seeded ones (a…z prefixes), so pages shift under the walker.
                let prefixes = ["a", "g", "m", "s", "z"]
                while !stop.load(ordering: .sequentiallyConsistent) {
                    let name = "\(prefixes[round % prefixes.count])_churn_\(index)_\(round)"
                    let secret = "churn-secret-\(index)-\(round)-\(UUID().uuidString)"
                    let type = round % 3
                    let created = try client.send("POST", Paths.typed(Self.types[type].0), json: Self.body(type: type, name: name, secret: secret))
                    guard created.status == 201 else { throw RawHTTPClient.Failure(description: "create: \(created.status)") }
                    if round % 2 == 1 {
                        let deleted = try client.send("DELETE", Paths.typed(Self.types[type].0, name))
                        guard deleted.status == 204 else { throw RawHTTPClient.Failure(description: "delete: \(deleted.status)") }
                    }
                    writes.add(1, ordering: .relaxed)
                    round += 1
                }
            }
            #expect(failures.isEmpty)
            #expect(writes.load(ordering: .relaxed) > 0)
            for walk in walks.withLock({ $0 }) {
                #expect(Set(walk).count == walk.count, "a walk returned a duplicate")
                #expect(walk == walk.sorted(), "a walk went out of order")
                #expect(stable.isSubset(of: Set(walk)), "a walk skipped \(stable.subtracting(walk).sorted().prefix(5))")
            }
        }
    }
}
