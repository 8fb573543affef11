import Foundation
import Testing
import ZISMock

@Suite("Admin: the request journal")
struct AdminJournalTests {
    @Test func entriesHaveTheFieldsAndAreRedactedByConstruction() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let path = "/api/services/zis/integrations/\(Seeded.integration)/connections/bearer_token"
            let body = #"{"bearer_token":{"name":"journal_one","allowed_domain":"a.example.com","token":"journal-secret-token"}}"#
            #expect(try client.exchange(bodyRequest("POST", path, body: body)).status == 201)
            _ = try client.exchange(request(target: Seeded.listPath(query: "page%5Bsize%5D=2")))
            _ = try client.exchange(request(target: "/__admin/health"))  // admin calls are not journaled

            let response = try client.exchange(request(target: "/__admin/requests"))
            #expect(!response.text.contains("journal-secret-token"))
            #expect(!response.text.contains(Seeded.readWriteToken), "Authorization values are redacted")
            let entries = try #require(try response.json()["requests"] as? [[String: Any]])
            #expect(entries.count == 2)
            let post = entries[0]
            #expect(post["method"] as? String == "POST")
            #expect(post["path"] as? String == path)
            #expect(post["status"] as? Int == 201)
            #expect(post["integration"] as? String == Seeded.integration)
            #expect(post["route"] as? String == ConnectionsEndpoints.typedCollection)
            #expect((post["duration_us"] as? Int ?? -1) >= 0)
            #expect((post["time"] as? String ?? "").hasSuffix("Z"))
            let headers = try #require(post["headers"] as? [[String]])
            #expect(headers.contains(["Authorization", "Bearer *****"]))
            let recorded = try #require(post["body"] as? String)
            #expect(recorded.contains(#""token":"*****""#) && recorded.contains(#""name":"journal_one""#))
            #expect(entries[1]["query"] as? String == "page%5Bsize%5D=2")
            // Redacted when recorded: the stored values themselves hold no secret.
            let stored = server.control.journal.entries()
            #expect(stored.allSatisfy { !($0.body ?? "").contains("journal-secret-token") })
            #expect(stored.allSatisfy { $0.headers.allSatisfy { !$0.value.contains(Seeded.readWriteToken) } })
        }
    }

    /// Whatever the credential looks like, only its scheme survives, and only when it has one.
    @Test func credentialsOfEveryShapeAreRedacted() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            for authorization in ["Bearer abc", "   bearer   abc def", "Basic dXNlcjpwYXNz", "token-without-scheme", "ЖBearer x", ""] {
                _ = try client.exchange(request(target: Seeded.listPath(), authorization: authorization, headers: ["Proxy-Authorization: Digest secret"]))
            }
            let recorded = server.control.journal.entries().map { entry in
                entry.headers.filter { $0.name.hasSuffix("Authorization") }.map(\.value)
            }
            #expect(recorded == [
                ["Bearer *****", "Digest *****"], ["bearer *****", "Digest *****"], ["Basic *****", "Digest *****"],
                ["*****", "Digest *****"], ["ЖBearer *****", "Digest *****"], ["*****", "Digest *****"],
            ])
        }
    }

    /// Without `Authorization` the other credential headers are still masked, and a request with
    /// none of them is kept as sent.
    @Test func credentialHeadersAreMaskedWithoutAnAuthorizationHeader() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            _ = try client.exchange(request(target: Seeded.listPath(), authorization: nil, headers: ["cookie: session=abc", "x-csrf-token: t0k"]))
            _ = try client.exchange(request(target: Seeded.listPath(), authorization: nil, headers: ["Accept: application/json"]))
            let recorded = server.control.journal.entries().map { $0.headers.map { "\($0.name): \($0.value)" } }
            #expect(recorded == [
                ["Host: mysubdomain.zendesk.com", "cookie: *****", "x-csrf-token: *****"],
                ["Host: mysubdomain.zendesk.com", "Accept: application/json"],
            ])
        }
    }

    @Test func filtersCountsUnmatchedAndClear() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            _ = try client.exchange(request(target: Seeded.listPath()))
            _ = try client.exchange(request(target: Seeded.listPath(Seeded.slackIntegration)))  // 401
            _ = try client.exchange(request(target: "/api/services/zis/nothing"))  // 404
            _ = try client.exchange(request("POST", Seeded.listPath()))  // 405
            func count(_ query: String) throws -> String {
                try client.exchange(request(target: "/__admin/requests/count" + query)).text
            }
            #expect(try count("") == #"{"count":4}"#)
            #expect(try count("?method=POST") == #"{"count":1}"#)
            #expect(try count("?integration=\(Seeded.integration)") == #"{"count":1}"#)
            #expect(try count("?status=401") == #"{"count":1}"#)
            #expect(try count("?status=4xx") == #"{"count":3}"#)
            #expect(try count("?unmatched=true") == #"{"count":2}"#)
            #expect(try count("?path=/api/services/zis/integrations/") == #"{"count":3}"#)
            #expect(try client.exchange(request(target: "/__admin/requests/count?bogus=1")).status == 400)
            let unmatched = try client.exchange(request(target: "/__admin/requests?unmatched=true")).json()
            #expect((unmatched["requests"] as? [[String: Any]])?.map { $0["status"] as? Int } == [404, 405])
            #expect(try client.exchange(request("DELETE", "/__admin/requests")).status == 204)
            #expect(try count("") == #"{"count":0}"#)
        }
    }

    @Test func sizeZeroTurnsTheJournalOff() throws {
        try withServer(configure: { $0.journalSize = 0 }) { server in
            let client = try RawHTTPClient(port: server.port)
            _ = try client.exchange(request(target: Seeded.listPath()))
            #expect(try client.exchange(request(target: "/__admin/requests/count")).text == #"{"count":0}"#)
        }
    }

    @Test func nonJSONBodiesAreNotKept() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let path = "/api/services/zis/integrations/\(Seeded.integration)/connections/api_key"
            _ = try client.exchange(bodyRequest("POST", path, body: #"{"api_key": "broken-secret", "#))
            let entry = try #require(server.control.journal.entries().last)
            #expect(entry.body == nil)
            #expect(entry.bodyBytes > 0)
        }
    }

    /// Done-when of issue 5: memory stays flat with a 1,000-entry journal over 100,000 requests.
    /// Measured on a zis-mock process of its own: in this test process, parallel tests would
    /// move the RSS too.
    @Test func theJournalIsBounded() throws {
        let mock = try MockProcess(arguments: ["--port", "0", "--journal-size", "1000", "--log-level", "notice"])
        let port = try mock.waitForListening()
        let client = try RawHTTPClient(port: port)
        let batch = 100
        let pipelined = String(repeating: request(target: Seeded.listPath(query: "page[size]=2")), count: batch)
        func run(_ requests: Int) throws {
            for _ in 0..<(requests / batch) {
                try client.send(pipelined)
                for _ in 0..<batch { _ = try client.readResponse() }
            }
        }
        try run(5_000)  // warm: the journal is full from here on
        let before = try residentKiB(of: mock.process.processIdentifier)
        // 100,000 with ZIS_MOCK_JOURNAL_SOAK=1 (the issue's figure); fewer by default to keep the suite quick.
        let requests = ProcessInfo.processInfo.environment["ZIS_MOCK_JOURNAL_SOAK"] == "1" ? 100_000 : 20_000
        try run(requests)
        let after = try residentKiB(of: mock.process.processIdentifier)
        print("journal 1000 entries, \(requests) requests: RSS \(before) KiB → \(after) KiB (Δ \(after - before) KiB)")
        let count = try client.exchange(request(target: "/__admin/requests/count", authorization: nil))
        #expect(count.text == #"{"count":1000}"#)
        #expect(after - before < 2 * 1024, "RSS grew by \(after - before) KiB")
        mock.terminate()
        #expect(try mock.waitForExit(timeout: 5) == 0)
    }

    private func residentKiB(of pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
