import Foundation
import Glibc
import Testing

/// The control-plane flags and hot reload, through the `zis-mock` executable.
@Suite("Admin: flags, --watch and SIGHUP")
struct AdminCLITests {
    static func seed(token: String, connection: String) -> String {
        """
        {"integrations":[{"name":"reload_app","tokens":[{"token":"\(token)","scopes":["read","write"]}],
         "connections":{"bearer_token":[{"name":"\(connection)","allowed_domain":"a.example.com","token":"reload-secret"}]}}]}
        """
    }

    static func list(_ port: UInt16, token: String) throws -> HTTPTestResponse {
        try RawHTTPClient(port: port).exchange(request(
            target: "/api/services/zis/integrations/reload_app/connections/all", authorization: "Bearer \(token)"))
    }

    /// Polls until `condition` holds or 5 s pass.
    static func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if try condition() { return true }
            usleep(100_000)
        }
        return false
    }

    @Test func sighupReloadsAndABrokenFileKeepsTheOldState() throws {
        let file = try temporaryFolder().appendingPathComponent("seed.json")
        try Self.seed(token: "first-token-1", connection: "first_one").write(to: file, atomically: true, encoding: .utf8)
        let process = try MockProcess(arguments: ["--port", "0", "--seed", file.path])
        let port = try process.waitForListening()
        #expect(try Self.list(port, token: "first-token-1").status == 200)

        try Self.seed(token: "second-token-2", connection: "second_one").write(to: file, atomically: true, encoding: .utf8)
        kill(process.process.processIdentifier, SIGHUP)
        #expect(try Self.eventually { try Self.list(port, token: "second-token-2").status == 200 })
        #expect(try Self.list(port, token: "first-token-1").status == 401)

        try "{\"integrations\": [".write(to: file, atomically: true, encoding: .utf8)
        kill(process.process.processIdentifier, SIGHUP)
        usleep(300_000)
        #expect(try Self.list(port, token: "second-token-2").status == 200, "a broken file keeps the old state")
        let stderr = process.remainingStandardError()
        #expect(stderr.contains("seed_reloaded"), "\(stderr)")
        #expect(stderr.contains("seed_reload_failed") && stderr.contains(file.path), "\(stderr)")
        process.terminate()
        #expect(try process.waitForExit(timeout: 2) == 0)
    }

    @Test func watchReloadsWhenTheFileChanges() throws {
        let file = try temporaryFolder().appendingPathComponent("seed.json")
        try Self.seed(token: "first-token-1", connection: "first_one").write(to: file, atomically: true, encoding: .utf8)
        let process = try MockProcess(arguments: ["--port", "0", "--seed", file.path, "--watch"])
        let port = try process.waitForListening()
        try Self.seed(token: "watched-token-3", connection: "watched_one").write(to: file, atomically: true, encoding: .utf8)
        #expect(try Self.eventually { try Self.list(port, token: "watched-token-3").status == 200 })
        process.terminate()
        #expect(try process.waitForExit(timeout: 2) == 0)
    }

    @Test func controlPlaneFlagsAndTheirEnvironmentTwins() throws {
        let process = try MockProcess(
            arguments: ["--port", "0", "--admin-token", "admin-token-x", "--rate-limit", "2/60s", "--journal-size", "1"],
            environment: ["ZIS_MOCK_NO_HEADER_FAULTS": "true"])
        let port = try process.waitForListening()
        let client = try RawHTTPClient(port: port)
        #expect(try client.exchange(request(target: "/__admin/requests", authorization: nil)).status == 401)
        let limited = try client.exchange(request(target: Seeded.listPath(), headers: ["X-ZIS-Mock-Fault: status=500"]))
        #expect(limited.status == 200, "header faults are off")
        #expect(limited.header("X-Rate-Limit") == "2")
        _ = try client.exchange(request(target: Seeded.listPath()))
        #expect(try client.exchange(request(target: Seeded.listPath())).status == 429)
        let journal = try client.exchange(request(target: "/__admin/requests", authorization: "Bearer admin-token-x")).json()
        #expect((journal["requests"] as? [Any])?.count == 1)
        process.terminate()

        let off = try MockProcess(arguments: ["--port", "0", "--no-admin"])
        let offPort = try off.waitForListening()
        #expect(try RawHTTPClient(port: offPort).exchange(request(target: "/__admin/state")).status == 404)
        off.terminate()

        let bad = try MockProcess(arguments: ["--rate-limit", "lots"])
        #expect(try bad.waitForExit(timeout: 5) == 64)
    }
}
