import Foundation
import Testing
import ZISMock

/// Issue 17: every status an admin operation answers with is one `openapi/zis-mock.yaml` lists for
/// it, so a client generated from the document (or schemathesis) meets no undeclared status. Each
/// refusal is provoked over real HTTP on every admin route the server registers: a malformed query
/// (400), a missing admin token (401), the control plane turned off (404), and for operations that
/// take a body, an unsupported `Content-Encoding` (415) and a body over the limit (413).
@Suite("OpenAPI document: admin statuses")
struct OpenAPIAdminStatusTests {
    static let documented: [String: OpenAPIRouteSyncTests.DocumentedOperation] = {
        let yaml = (try? String(contentsOf: OpenAPIRouteSyncTests.document, encoding: .utf8)) ?? ""
        return (try? OpenAPIRouteSyncTests.documentedOperations(yaml)) ?? [:]
    }()

    /// Every admin route the default server serves, as `(method, template, isOpen)`; open routes
    /// (`health`, the dashboard's page) need no admin token.
    static func adminRoutes() throws -> [(method: String, template: String, isOpen: Bool)] {
        var routes: [(String, String, Bool)] = []
        try withServer { server in
            routes = server.router.routes.map { ($0.method, $0.pattern.description, $0.isOpen) }.filter { $0.1.hasPrefix("/__admin") }
        }
        #expect(routes.count >= 15, "found too few admin routes: \(routes)")
        return routes
    }

    /// Sends `raw` for the operation and checks that the answer's status is `expected` and listed.
    func expectDeclared(_ expected: Int, method: String, template: String, port: UInt16, raw: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let client = try RawHTTPClient(port: port)
        client.scansForSecrets = false  // the OpenAPI document names the seed's demo token on purpose
        let response = try client.exchange(raw, head: method == "HEAD")
        let operation = "\(method) \(template)"
        #expect(response.status == expected, "\(operation): \(response.statusLine)", sourceLocation: sourceLocation)
        let statuses = Self.documented[operation]?.statuses ?? []
        #expect(statuses.contains(response.status),
                "\(operation) answers \(response.status), which openapi/zis-mock.yaml does not list (it lists \(statuses.sorted()))",
                sourceLocation: sourceLocation)
    }

    static func concrete(_ template: String) -> String { template.replacingOccurrences(of: "{id}", with: "1") }

    @Test func aMalformedQueryIs400AndDeclared() throws {
        try withServer { server in
            for (method, template, _) in try Self.adminRoutes() {
                try expectDeclared(400, method: method, template: template, port: server.port,
                                   raw: request(method, Self.concrete(template) + "?secrets=%ZZ"))
            }
        }
    }

    /// Open admin routes (`health`, the simulated OAuth provider's page) need no admin token.
    @Test func aMissingAdminTokenIs401AndDeclared() throws {
        try withServer(configure: { $0.admin.token = "admin-token-for-tests" }) { server in
            for (method, template, isOpen) in try Self.adminRoutes() where !isOpen {
                try expectDeclared(401, method: method, template: template, port: server.port,
                                   raw: request(method, Self.concrete(template), authorization: nil))
            }
        }
    }

    @Test func theControlPlaneTurnedOffIs404AndDeclared() throws {
        let routes = try Self.adminRoutes()
        try withServer(configure: { $0.admin.enabled = false }) { server in
            let stillServed = Set(server.router.routes.map { "\($0.method) \($0.pattern.description)" })
            for (method, template, _) in routes where !stillServed.contains("\(method) \(template)") {
                try expectDeclared(404, method: method, template: template, port: server.port,
                                   raw: request(method, Self.concrete(template)))
            }
        }
    }

    @Test func refusedBodiesAre413And415AndDeclared() throws {
        try withServer(configure: { $0.limits.maxBodyBytes = 1024 }) { server in
            for (method, template, _) in try Self.adminRoutes() where Self.documented["\(method) \(template)"]?.takesBody == true {
                let path = Self.concrete(template)
                try expectDeclared(415, method: method, template: template, port: server.port,
                                   raw: bodyRequest(method, path, body: "{}", headers: ["Content-Encoding: br"]))
                try expectDeclared(413, method: method, template: template, port: server.port,
                                   raw: bodyRequest(method, path, body: String(repeating: " ", count: 2048) + "{}"))
            }
        }
    }
}
