import Testing
import ZISMockRouting

/// CORS for Zendesk apps in a browser: preflights and allowed origins.
@Suite("End to end: CORS")
struct CORSTests {
    private let origin = "https://acme.zendesk.com"

    @Test func aPreflightListsWhatThePathServes() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try client.exchange(request(
                "OPTIONS", Seeded.listPath(), authorization: nil,
                headers: ["Origin: \(origin)", "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: authorization"]))
            #expect(response.status == 204)
            #expect(response.header("Access-Control-Allow-Origin") == "*")
            #expect(response.header("Access-Control-Allow-Methods") == "GET, HEAD, OPTIONS")
            #expect(response.header("Access-Control-Allow-Headers") == "authorization")
            #expect(response.header("Access-Control-Max-Age") == "600")
            #expect(response.body.isEmpty)
        }
    }

    @Test func responsesToABrowserCarryTheOrigin() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let allowed = try client.exchange(request(target: Seeded.listPath(), headers: ["Origin: \(origin)"]))
            #expect(allowed.status == 200)
            #expect(allowed.header("Access-Control-Allow-Origin") == "*")
            #expect(allowed.header("Access-Control-Expose-Headers")?.contains("Retry-After") == true)
            let denied = try client.exchange(request(target: Seeded.listPath(), authorization: nil, headers: ["Origin: \(origin)"]))
            #expect(denied.status == 401)
            #expect(denied.header("Access-Control-Allow-Origin") == "*", "a browser app must be able to read the 401 too")
            let noOrigin = try client.exchange(request(target: "/__admin/health"))
            #expect(noOrigin.header("Access-Control-Allow-Origin") == nil)
        }
    }

    @Test func aNamedOriginListIsEnforced() throws {
        try withServer(configure: { $0.cors = CORSPolicy(allowedOrigins: [origin]) }) { server in
            let client = try RawHTTPClient(port: server.port)
            let ours = try client.exchange(request(target: "/__admin/health", headers: ["Origin: \(origin)"]))
            #expect(ours.header("Access-Control-Allow-Origin") == origin)
            #expect(ours.header("Vary") == "Origin")
            let theirs = try client.exchange(request(target: "/__admin/health", headers: ["Origin: https://evil.example"]))
            #expect(theirs.header("Access-Control-Allow-Origin") == nil)
            let preflight = try client.exchange(request(
                "OPTIONS", Seeded.listPath(), authorization: nil,
                headers: ["Origin: https://evil.example", "Access-Control-Request-Method: GET"]))
            #expect(preflight.header("Access-Control-Allow-Origin") == nil)
        }
    }

    @Test func withCORSOffOptionsIsJustAnotherMethod() throws {
        try withServer(configure: { $0.cors = nil }) { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try client.exchange(request(
                "OPTIONS", Seeded.listPath(), authorization: nil, headers: ["Origin: \(origin)", "Access-Control-Request-Method: GET"]))
            #expect(response.status == 405)
            #expect(response.header("Access-Control-Allow-Origin") == nil)
        }
    }
}
