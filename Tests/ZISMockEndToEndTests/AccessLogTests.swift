import Foundation
import Testing

/// One log line per request on stderr, in JSON or text, with no secret in any of them.
@Suite("CLI: access log")
struct AccessLogTests {
    @Test func jsonLinesCarryTheRequestAndNoSecret() throws {
        let mock = try MockProcess(arguments: ["--port", "0", "--log-format", "json", "--log-level", "info"])
        let port = try mock.waitForListening()
        let client = try RawHTTPClient(port: port)
        #expect(try client.exchange(request(target: Seeded.listPath())).status == 200)
        let secret = "log-test-secret-value"
        let body = #"{"name":"logged_key","allowed_domain":"api.example.com","header_name":"x-api-key","api_key":"\#(secret)"}"#
        let create = request(
            "POST", "/api/services/zis/integrations/\(Seeded.integration)/connections/api_key",
            headers: ["Content-Type: application/json", "Content-Length: \(body.utf8.count)"]) + body
        #expect(try client.exchange(create).status == 201)
        mock.terminate()
        #expect(try mock.waitForExit(timeout: 5) == 0)
        let lines = mock.remainingStandardError().split(separator: "\n").map(String.init)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let requests = objects.filter { $0["message"] as? String == "request" }
        #expect(requests.count == 2)
        let first = try #require(requests.first)
        #expect(first["method"] as? String == "GET")
        #expect(first["path"] as? String == Seeded.listPath())
        #expect(first["status"] as? Int == 200)
        #expect((first["bytes"] as? Int ?? 0) > 1000)
        #expect(first["duration_us"] is Int)
        #expect(first["integration"] as? String == Seeded.integration)
        #expect((first["remote"] as? String)?.hasPrefix("127.0.0.1:") == true)
        #expect(requests.last?["status"] as? Int == 201)
        #expect(objects.contains { $0["message"] as? String == "listening" })
        #expect(objects.contains { $0["message"] as? String == "stopped" })
        let all = lines.joined(separator: "\n")
        #expect(!all.contains(secret))
        #expect(!all.contains(Seeded.readWriteToken))
    }

    @Test func textLinesAreKeyValuePairs() throws {
        let mock = try MockProcess(arguments: ["--port", "0", "--log-format", "text", "--log-level", "info"])
        let port = try mock.waitForListening()
        #expect(try RawHTTPClient(port: port).exchange(request(target: "/nope")).status == 404)
        mock.terminate()
        #expect(try mock.waitForExit(timeout: 5) == 0)
        let line = try #require(mock.remainingStandardError().split(separator: "\n").first { $0.contains(" request ") })
        #expect(line.contains("method=GET"))
        #expect(line.contains("path=/nope"))
        #expect(line.contains("status=404"))
    }

    /// Nobody reads this process's stderr: once the pipe is full, logging must not stall the loops.
    @Test func anUnreadLogPipeDoesNotStallTheServer() throws {
        let mock = try MockProcess(arguments: ["--port", "0", "--log-format", "json", "--log-level", "info"])
        let port = try mock.waitForListening()
        // About 700 KB of log lines against a 64 KiB pipe: a loop that blocked on the full pipe
        // would stall an exchange past the client's 5 s read timeout, which throws.
        let client = try RawHTTPClient(port: port)
        for _ in 0..<3_000 {
            #expect(try client.exchange(request(target: "/__admin/health")).status == 200)
        }
    }
}
