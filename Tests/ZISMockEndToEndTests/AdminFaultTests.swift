import Foundation
import Testing
import ZISMock
import ZISMockBasics

@Suite("Admin: fault injection")
struct AdminFaultTests {
    @Test func failTwiceThenSucceedAfterTheFirst() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let rule = #"{"match":{"method":"GET","path":"/api/services/zis/integrations/{integration}/connections/all","integration":"acme_crm_sync"},"action":{"status":429,"retry_after":2},"times":2,"after":1}"#
            let added = try client.exchange(bodyRequest("POST", "/__admin/faults", body: rule))
            #expect(added.status == 201)
            #expect(added.text.contains(#""remaining":2"#))
            let statuses = try (0..<4).map { _ in try client.exchange(request(target: Seeded.listPath(query: "page[size]=1"))) }
            #expect(statuses.map(\.status) == [200, 429, 429, 200])
            #expect(statuses[1].header("Retry-After") == "2")
            #expect(statuses[1].text == errorBody("TooManyRequests", "Too many requests"))
            // Other integrations and methods are untouched.
            #expect(try client.exchange(request(target: Seeded.listPath(Seeded.slackIntegration), authorization: "Bearer \(Seeded.slackToken)")).status == 200)
            let listed = try client.exchange(request(target: "/__admin/faults")).json()
            let rules = try #require(listed["faults"] as? [[String: Any]])
            #expect(rules.first?["remaining"] as? Int == 0)
            #expect(rules.first?["matched"] as? Int == 3, "an exhausted rule stops counting")
            #expect(try client.exchange(request("DELETE", "/__admin/faults")).status == 204)
            #expect(try client.exchange(request(target: "/__admin/faults")).text == #"{"faults":[]}"#)
        }
    }

    /// Requests skip the rule table while it is empty; rules added after it emptied must apply again.
    @Test func rulesApplyAgainAfterTheTableWasEmptied() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let rule = #"{"match":{"method":"GET"},"action":{"status":503},"times":0}"#
            let listStatus = { try client.exchange(request(target: Seeded.listPath(query: "page[size]=1"))).status }
            #expect(try listStatus() == 200)
            #expect(try client.exchange(bodyRequest("POST", "/__admin/faults", body: rule)).status == 201)
            #expect(try listStatus() == 503)
            #expect(try client.exchange(request("DELETE", "/__admin/faults")).status == 204)
            #expect(try listStatus() == 200)
            let added = try client.exchange(bodyRequest("POST", "/__admin/faults", body: rule)).json()
            #expect(try listStatus() == 503)
            let id = try #require((added["fault"] as? [String: Any])?["id"] as? Int)
            #expect(try client.exchange(request("DELETE", "/__admin/faults/\(id)")).status == 204)
            #expect(try listStatus() == 200)
        }
    }

    @Test func literalPathsConnectionTypesAnd5xx() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let typed = "/api/services/zis/integrations/\(Seeded.integration)/connections/basic_auth/anything_here"
            _ = try client.exchange(bodyRequest("POST", "/__admin/faults", body: #"{"match":{"connection_type":"basic_auth"},"action":{"status":503},"times":0}"#))
            _ = try client.exchange(bodyRequest("POST", "/__admin/faults", body: #"{"match":{"path":"/api/services/zis/integrations/acme_crm_sync/connections/all"},"action":{"status":500}}"#))
            let typedAnswer = try client.exchange(request(target: typed))
            #expect(typedAnswer.status == 503)
            #expect(typedAnswer.text == errorBody("ServiceUnavailable", "Service Unavailable"))
            #expect(try client.exchange(request(target: typed)).status == 503, "times 0 is every time")
            #expect(try client.exchange(request(target: Seeded.listPath())).status == 500)
            #expect(try client.exchange(request(target: Seeded.listPath())).status == 200)
        }
    }

    @Test func delaysAnswerLate() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            _ = try client.exchange(bodyRequest("POST", "/__admin/faults", body: #"{"action":{"delay_ms":300}}"#))
            let started = Date()
            #expect(try client.exchange(request(target: Seeded.listPath())).status == 200)
            #expect(Date().timeIntervalSince(started) >= 0.29)
        }
    }

    /// One loop serves both clients: a delayed answer must not hold up the other one.
    @Test func aDelayHoldsOnlyItsOwnConnection() throws {
        try withServer(configure: { $0.tuning.loopCount = 1 }) { server in
            let slow = try RawHTTPClient(port: server.port)
            let fast = try RawHTTPClient(port: server.port)
            let started = Date()
            try slow.send(request(target: Seeded.listPath(), headers: ["X-ZIS-Mock-Fault: delay=1000"]))
            try slow.send(request(target: "/__admin/health"))  // pipelined behind the delayed one
            usleep(50_000)
            #expect(try fast.exchange(request(target: "/__admin/health")).status == 200)
            #expect(Date().timeIntervalSince(started) < 0.5, "the other connection was answered at once")
            #expect(try slow.readResponse().status == 200)
            #expect(Date().timeIntervalSince(started) >= 0.95)
            #expect(try slow.readResponse().text == #"{"status":"ok"}"#, "the pipelined answer comes after, in order")
        }
    }

    @Test func dropResetAndTruncateBreakTheConnectionAsAsked() throws {
        try withServer { server in
            let dropped = try RawHTTPClient(port: server.port)
            try dropped.send(request(target: Seeded.listPath(), headers: ["X-ZIS-Mock-Fault: drop"]))
            #expect(try dropped.readToClose().isEmpty, "closed without a byte")

            let reset = try RawHTTPClient(port: server.port)
            try reset.send(request(target: Seeded.listPath(), headers: ["X-ZIS-Mock-Fault: reset"]))
            usleep(100_000)
            var byte: UInt8 = 0
            let received = recv(reset.descriptor, &byte, 1, 0)
            #expect(received == -1 && errno == ECONNRESET, "a TCP reset, not an orderly close")

            let truncated = try RawHTTPClient(port: server.port)
            try truncated.send(request(target: Seeded.listPath(), headers: ["X-ZIS-Mock-Fault: truncate"]))
            let raw = try truncated.readToClose()
            let text = String(decoding: raw, as: UTF8.self)
            let announced = text.split(separator: "\r\n").first { $0.hasPrefix("Content-Length: ") }.flatMap { Int($0.dropFirst(16)) } ?? 0
            let headEnd = try #require(firstIndex(of: Array("\r\n\r\n".utf8), in: raw))
            #expect(text.hasPrefix("HTTP/1.1 200 OK"))
            #expect(raw.count - headEnd - 4 == announced / 2, "half of the announced body, then the close")

            _ = try RawHTTPClient(port: server.port).exchange(bodyRequest(
                "POST", "/__admin/faults", body: #"{"match":{"method":"GET"},"action":{"drop":true},"times":1}"#))
            let ruled = try RawHTTPClient(port: server.port)
            try ruled.send(request(target: Seeded.listPath()))
            #expect(try ruled.readToClose().isEmpty)
            #expect(try RawHTTPClient(port: server.port).exchange(request(target: Seeded.listPath())).status == 200, "applied once")
        }
    }

    /// A listed rule says what it does to the connection, in the fields `POST` takes (the dashboard shows them).
    @Test func listedRulesSayTheyDropResetOrTruncate() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            for action in [#"{"drop":true}"#, #"{"reset":true}"#, #"{"status":500,"truncate":true}"#] {
                #expect(try client.exchange(bodyRequest("POST", "/__admin/faults", body: #"{"action":\#(action)}"#)).status == 201)
            }
            let rules = try #require(try client.exchange(request(target: "/__admin/faults")).json()["faults"] as? [[String: Any]])
            let flags = rules.map { rule in ["drop", "reset", "truncate"].map { (rule["action"] as? [String: Any])?[$0] as? Bool } }
            #expect(flags == [[true, false, false], [false, true, false], [false, false, true]])
        }
    }

    @Test func headerFaultsAndTheirSwitch() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let faulted = try client.exchange(request(target: Seeded.listPath(), headers: ["X-ZIS-Mock-Fault: status=429;retry-after=2"]))
            #expect(faulted.status == 429)
            #expect(faulted.header("Retry-After") == "2")
            // Any status the table knows gets its envelope names; others their class's.
            let tooLarge = try client.exchange(request(target: Seeded.listPath(), headers: ["X-ZIS-Mock-Fault: STATUS = 413"]))
            #expect(tooLarge.status == 413 && tooLarge.text == #"{"errors":[{"code":"PayloadTooLarge","title":"Payload Too Large"}]}"#)
            let teapot = try client.exchange(request(target: Seeded.listPath(), headers: ["X-ZIS-Mock-Fault: status=418"]))
            #expect(teapot.text == #"{"errors":[{"code":"ClientError","title":"Client Error"}]}"#)
            #expect(try client.exchange(request(target: Seeded.listPath(), headers: ["X-ZIS-Mock-Fault: status=abc"])).status == 400)
            #expect(try client.exchange(request(target: Seeded.listPath())).status == 200)
        }
        try withServer(configure: { $0.admin.headerFaults = false }) { server in
            let client = try RawHTTPClient(port: server.port)
            #expect(try client.exchange(request(target: Seeded.listPath(), headers: ["X-ZIS-Mock-Fault: status=500"])).status == 200)
        }
    }

    @Test func badRulesAndUnsupportedActionsAreRefused() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            for body in [#"{"action":{"status":200}}"#, #"{"action":{}}"#, #"{"match":{"verb":"GET"},"action":{"status":500}}"#,
                         #"{"action":{"delay_ms":999999}}"#, #"{"action":{"status":500},"times":-1}"#, "nope"] {
                #expect(try client.exchange(bodyRequest("POST", "/__admin/faults", body: body)).status == 400, "\(body)")
            }
            for body in [#"{"action":{"drop":true,"status":503}}"#, #"{"action":{"reset":true,"truncate":true}}"#] {
                #expect(try client.exchange(bodyRequest("POST", "/__admin/faults", body: body)).status == 400, "\(body)")
            }
        }
    }
}

@Suite("Admin: rate limiting")
struct AdminRateLimitTests {
    @Test func perTokenLimitWithHeadersAndRetryAfter() throws {
        try withServer(configure: { $0.rateLimit = RateLimit(requests: 3, windowSeconds: 60) }) { server in
            let client = try RawHTTPClient(port: server.port)
            let answers = try (0..<4).map { _ in try client.exchange(request(target: Seeded.listPath(query: "page[size]=1"))) }
            #expect(answers.map(\.status) == [200, 200, 200, 429])
            #expect(answers.map { $0.header("X-Rate-Limit") } == ["3", "3", "3", "3"])
            #expect(answers.map { $0.header("X-Rate-Limit-Remaining") } == ["2", "1", "0", "0"])
            let retryAfter = Int(answers[3].header("Retry-After") ?? "") ?? 0
            #expect((59...60).contains(retryAfter))
            #expect(answers[3].text == errorBody("TooManyRequests", "Too many requests"))
            // Another token has its own budget.
            let other = try client.exchange(request(target: Seeded.listPath(Seeded.slackIntegration), authorization: "Bearer \(Seeded.slackToken)"))
            #expect(other.status == 200 && other.header("X-Rate-Limit-Remaining") == "2")
            // Admin calls are neither limited nor counted.
            #expect(try client.exchange(request(target: "/__admin/health")).header("X-Rate-Limit") == nil)
        }
    }

    /// `isLimiting` lets the request path skip the limiter when no limit is set; it must follow every change.
    @Test func isLimitingFollowsTheLimit() {
        let limiter = RateLimiter(limit: nil)
        #expect(!limiter.isLimiting && limiter.admit(key: "a") == nil)
        limiter.setLimit(RateLimit(requests: 1, windowSeconds: 10))
        #expect(limiter.isLimiting && limiter.admit(key: "a")?.remaining == 0)
        limiter.setLimit(nil)
        #expect(!limiter.isLimiting && limiter.admit(key: "a") == nil)
        #expect(RateLimiter(limit: RateLimit(requests: 1, windowSeconds: 1)).isLimiting)
    }

    @Test func windowsEndAndRetryAfterIsTheTimeLeft() {
        // The clock runs on meanwhile, by far less than the half second that would change the answers.
        let offset = ClockOffset()
        let limiter = RateLimiter(limit: RateLimit(requests: 1, windowSeconds: 10), clock: MockClock(offset: offset))
        #expect(limiter.admit(key: "a")?.retryAfterSeconds == nil)
        offset.advance(by: .milliseconds(7_500))
        #expect(limiter.admit(key: "a")?.retryAfterSeconds == 3)
        offset.advance(by: .milliseconds(2_500))
        #expect(limiter.admit(key: "a")?.retryAfterSeconds == nil)
    }

    @Test func changeableAtRunTime() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            #expect(try client.exchange(request(target: Seeded.listPath())).header("X-Rate-Limit") == nil, "off by default")
            #expect(try client.exchange(request(target: "/__admin/rate-limit")).text == #"{"limit":null,"requests":null,"window_seconds":null}"#)
            let put = try client.exchange(bodyRequest("PUT", "/__admin/rate-limit", body: #"{"limit":"1/60s"}"#))
            #expect(put.text == #"{"limit":"1/60s","requests":1,"window_seconds":60}"#)
            #expect(try client.exchange(request(target: Seeded.listPath())).status == 200)
            #expect(try client.exchange(request(target: Seeded.listPath())).status == 429)
            _ = try client.exchange(bodyRequest("PUT", "/__admin/rate-limit", body: #"{"requests":5,"window_seconds":1}"#))
            #expect(try client.exchange(request(target: Seeded.listPath())).header("X-Rate-Limit") == "5")
            _ = try client.exchange(bodyRequest("PUT", "/__admin/rate-limit", body: #"{"limit":null}"#))
            #expect(try client.exchange(request(target: Seeded.listPath())).header("X-Rate-Limit") == nil)
            #expect(try client.exchange(bodyRequest("PUT", "/__admin/rate-limit", body: #"{"limit":"fast"}"#)).status == 400)
        }
    }

    @Test func parsing() {
        #expect(RateLimit(parsing: "700/60s") == RateLimit(requests: 700, windowSeconds: 60))
        #expect(RateLimit(parsing: "10/1m") == RateLimit(requests: 10, windowSeconds: 60))
        #expect(RateLimit(parsing: "10/5") == RateLimit(requests: 10, windowSeconds: 5))
        for bad in ["", "700", "0/60s", "700/0s", "a/60s", "700/60x"] { #expect(RateLimit(parsing: bad) == nil, "\(bad)") }
    }
}

@Suite("Admin: token and switch")
struct AdminSafetyTests {
    @Test func adminTokenGuardsEverythingButHealth() throws {
        try withServer(configure: { $0.admin.token = "admin-secret" }) { server in
            let client = try RawHTTPClient(port: server.port)
            #expect(try client.exchange(request(target: "/__admin/health", authorization: nil)).status == 200)
            let refused = try client.exchange(request(target: "/__admin/requests", authorization: nil))
            #expect(refused.status == 401)
            #expect((try refused.json()["errors"] as? [[String: Any]])?.first?["code"] as? String == "InvalidCredentials")
            #expect(try client.exchange(bodyRequest("POST", "/__admin/reset", authorization: "Bearer wrong")).status == 401)
            #expect(try client.exchange(request(target: "/__admin/ready", authorization: nil)).status == 401)
            #expect(try client.exchange(bodyRequest("POST", "/__admin/reset", authorization: "Bearer admin-secret")).status == 200)
            #expect(try client.exchange(request(target: Seeded.listPath())).status == 200, "the Zendesk surface is unaffected")
        }
    }

    @Test func noAdminTurnsTheControlPlaneOff() throws {
        try withServer(configure: { $0.admin.enabled = false }) { server in
            let client = try RawHTTPClient(port: server.port)
            #expect(try client.exchange(request(target: "/__admin/health")).status == 200)
            #expect(try client.exchange(request(target: "/__admin/ready")).status == 200)
            for (method, path) in [("POST", "/__admin/reset"), ("GET", "/__admin/state"), ("GET", "/__admin/requests"),
                                   ("POST", "/__admin/faults"), ("GET", "/__admin/rate-limit")] {
                #expect(try client.exchange(bodyRequest(method, path, body: method == "POST" ? "{}" : nil)).status == 404, "\(path)")
            }
        }
    }
}
