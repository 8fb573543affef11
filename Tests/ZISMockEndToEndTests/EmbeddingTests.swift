import Foundation
import Testing
import ZISMock

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Issue 9: the Swift API, as a test suite would use it, with URLSession as the client.
@Suite("Embedding: ZISMockServer in Swift tests")
struct EmbeddingTests {
    static func get(_ url: String, token: String) async throws -> (Int, [String: Any], HTTPURLResponse) {
        var request = URLRequest(url: URL(string: url)!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return (http.statusCode, object, http)
    }

    @Test func theTypicalTest() async throws {
        let mock = try await ZISMockServer.start()
        defer { Task { await mock.stop() } }
        #expect(mock.baseURL.hasPrefix("http://127.0.0.1:"))

        try await mock.addConnection(.bearerToken(name: "crm", allowedDomain: "api.example.com", token: "s3cret"), to: Seeded.emptyIntegration)
        let token = try await mock.issueToken(for: Seeded.emptyIntegration, scopes: [.read, .write])
        let url = mock.baseURL + Seeded.listPath(Seeded.emptyIntegration)
        let (status, body, _) = try await Self.get(url, token: token)
        #expect(status == 200)
        #expect(((body["bearer_token"] as? [[String: Any]])?.first?["name"] as? String) == "crm")
        #expect(((body["bearer_token"] as? [[String: Any]])?.first?["token"] as? String) == "*****")

        try await mock.inject(.status(429, retryAfter: 2), on: .allConnections, times: 1)
        let (limited, _, response) = try await Self.get(url, token: token)
        #expect(limited == 429)
        #expect(response.value(forHTTPHeaderField: "Retry-After") == "2")
        #expect(try await Self.get(url, token: token).0 == 200, "times: 1")

        let calls = await mock.journal(path: "/api/services/zis/")
        #expect(calls.map(\.status) == [200, 429, 200])
        #expect(calls.allSatisfy { $0.headers.first { $0.name == "Authorization" }?.value == "Bearer *****" })
    }

    @Test func loadResetAndErrorsThatSayWhatWentWrong() async throws {
        let mock = try await ZISMockServer.start()
        defer { Task { await mock.stop() } }
        try await mock.load(json: Array(smallSeedJSON.utf8))
        #expect(try await Self.get(mock.baseURL + Seeded.listPath("small_app"), token: "small-app-token-1").0 == 200)
        await mock.load(seed: Seed(integrations: [SeedIntegration(name: "typed_app", tokens: [SeedToken(token: "typed-token-1", scopes: [.write])])]))
        #expect(try await Self.get(mock.baseURL + Seeded.listPath("typed_app"), token: "typed-token-1").0 == 200)
        await mock.reset()
        #expect(try await Self.get(mock.baseURL + Seeded.listPath(), token: Seeded.readWriteToken).0 == 200)

        await #expect(throws: SeedError.self) { try await mock.load(json: Array(#"{"integrations":[{"name":""}]}"#.utf8)) }
        do {
            try await mock.addConnection(.apiKey(name: "x", allowedDomain: "a.example.com", headerName: "X", apiKey: "k"), to: Seeded.integration)
            Issue.record("a one-letter name must be refused")
        } catch {
            #expect(error.status == 400 && (error.detail ?? "").contains("name must be 3-64"))
        }
        await #expect(throws: ZISError.self) { _ = try await mock.issueToken(for: "no_such_integration") }
        await #expect(throws: ZISError.self) { try await mock.inject(.status(200)) }
    }

    @Test func manyServersAtOnceAreIsolated() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let mock = try await ZISMockServer.start()
                    let name = "only_in_\(index)"
                    try await mock.addConnection(.oauth(name: name, accessToken: "at-\(index)"), to: Seeded.integration)
                    try await mock.inject(.status(503), on: .path(Seeded.listPath(Seeded.slackIntegration)), times: 1)
                    let (status, _, _) = try await Self.get(
                        mock.baseURL + Seeded.listPath(query: "page[after]=only_im&page[size]=20"), token: Seeded.readWriteToken)
                    #expect(status == 200)
                    let exported = String(decoding: await mock.exportState(), as: UTF8.self)
                    #expect(exported.contains(name))
                    for other in 0..<8 where other != index { #expect(!exported.contains("only_in_\(other)\"")) }
                    #expect(await mock.journal().count == 1)
                    #expect(await mock.faultRules().first?.remaining == 1)
                    await mock.stop()
                }
            }
            try await group.waitForAll()
        }
    }

    /// Issue 9 asks for the time of 1,000 cycles: printed, not asserted (speed is measured, and
    /// sanitizer builds are many times slower). What must hold is that cycling leaves nothing broken.
    @Test func aThousandStartStopCycles() async throws {
        let cycles = 1_000
        let started = Date()
        for _ in 0..<cycles {
            let mock = try await ZISMockServer.start()
            await mock.stop()
        }
        let seconds = Date().timeIntervalSince(started)
        print("1000 start/stop cycles: \(String(format: "%.2f", seconds)) s (\(String(format: "%.2f", seconds)) ms per cycle)")
        let last = try await ZISMockServer.start()
        #expect(try RawHTTPClient(port: last.port).exchange(request(target: "/__admin/health")).status == 200)
        await last.stop()
    }
}
