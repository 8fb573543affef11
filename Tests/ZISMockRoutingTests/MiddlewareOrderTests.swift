import Testing
import ZISDomain
import ZISMockFixtures
import ZISMockHTTP
@testable import ZISMockRouting

/// The ordered middleware list (`StandardMiddleware`) and the groups it works in.
@Suite struct MiddlewareOrderTests {
    @Test func theControlPlaneIsNeverJournaledButZendeskMissesAre() {
        let mock = RoutingFixture()
        _ = mock.responder.respond(to: .mock("GET", "/__admin/faults"))
        _ = mock.responder.respond(to: .mock("GET", "/__admin/no-such-thing"))
        _ = mock.responder.respond(to: .mock("GET", "/api/services/zis/nothing"))
        #expect(mock.control.journal.entries(matching: JournalFilter()).map(\.path) == ["/api/services/zis/nothing"])
    }

    @Test func theAdminTokenGuardsEveryAdminPathButHealth() {
        var settings = AdminSettings()
        settings.token = "admin-secret-token"
        let mock = RoutingFixture(settings: settings)
        #expect(mock.responder.respond(to: .mock("GET", "/__admin/health")).status == 200)
        #expect(mock.responder.respond(to: .mock("HEAD", "/__admin/health")).status == 200)
        #expect(mock.responder.respond(to: .mock("GET", "/__admin/faults")).status == 401)
        #expect(mock.responder.respond(to: .mock("GET", "/__admin/nope")).status == 401)
        #expect(mock.responder.respond(to: .mock("GET", "/__admin/nope", token: "admin-secret-token")).status == 404)
        #expect(mock.responder.respond(to: .mock("GET", "/__admin/faults", token: "admin-secret-token")).status == 200)
        // Zendesk's surface never asks for the admin token.
        #expect(mock.responder.respond(to: .mock("GET", RoutingFixture.list, token: Fixture.token)).status == 200)
    }

    /// A preflight is journaled (it went over the wire) but neither limited nor faulted; the
    /// answers the limiter and the faults give still carry CORS headers.
    @Test func preflightsPassTheLimiterAndTheFaultsAndTheirRefusalsKeepCORS() throws {
        let mock = RoutingFixture(cors: CORSPolicy())
        mock.control.rateLimiter.setLimit(RateLimit(requests: 1, windowSeconds: 60))
        _ = try mock.control.faults.add(.anyRequest, action: .status(503), times: 0)
        let preflight = HTTPRequest.mock(
            "OPTIONS", RoutingFixture.list, headers: [("Origin", "https://acme.zendesk.com"), ("Access-Control-Request-Method", "GET")])
        for _ in 0..<3 { #expect(mock.responder.respond(to: preflight).status == 204) }
        let get = HTTPRequest.mock(
            "GET", RoutingFixture.list, headers: [("Origin", "https://acme.zendesk.com"), ("Authorization", "Bearer \(Fixture.token)")])
        let faulted = mock.responder.respond(to: get)
        #expect(faulted.status == 503)
        #expect(faulted.headers.contains { $0.name == "Access-Control-Allow-Origin" })
        let limited = mock.responder.respond(to: get)
        #expect(limited.status == 429)
        #expect(limited.headers.contains { $0.name == "Access-Control-Allow-Origin" })
        #expect(mock.control.journal.entries(matching: JournalFilter(method: "OPTIONS")).count == 3)
    }
}
