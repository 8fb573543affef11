import Foundation
import ZISMockLocking
import Testing
import ZISDomain
import ZISMock

/// A keep-alive client for the write endpoints: sends a method, path and optional JSON body,
/// and checks every response for secrets the test created (seeded ones are checked by
/// `RawHTTPClient` itself).
final class CRUDClient {
    let raw: RawHTTPClient
    let createdSecrets: CreatedSecrets

    init(_ server: ZISMockServer, secrets: CreatedSecrets = CreatedSecrets()) throws {
        raw = try RawHTTPClient(port: server.port, timeoutSeconds: 20)
        createdSecrets = secrets
    }

    @discardableResult
    func send(
        _ method: String, _ path: String, json body: String? = nil, contentType: String? = "application/json",
        authorization: String? = "Bearer \(Seeded.readWriteToken)", host: String = "mysubdomain.zendesk.com",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> HTTPTestResponse {
        var lines = ["\(method) \(path) HTTP/1.1", "Host: \(host)"]
        if let authorization { lines.append("Authorization: \(authorization)") }
        if let body {
            if let contentType { lines.append("Content-Type: \(contentType)") }
            lines.append("Content-Length: \(body.utf8.count)")
        }
        let response = try raw.exchange(lines.joined(separator: "\r\n") + "\r\n\r\n" + (body ?? ""))
        createdSecrets.check(response.body, sourceLocation: sourceLocation)
        return response
    }
}

/// Secret values a test sends in create/update bodies; no response may contain any of them.
final class CreatedSecrets: Sendable {
    private let values = Locked<[[UInt8]]>([])

    init() {}

    func add(_ secret: String) {
        values.withLock { $0.append(Array(secret.utf8)) }
    }

    func check(_ body: [UInt8], sourceLocation: SourceLocation) {
        for secret in values.withLock({ $0 }) where firstIndex(of: secret, in: body) != nil {
            Issue.record("a response contains the created secret \(String(decoding: secret, as: UTF8.self))", sourceLocation: sourceLocation)
        }
    }
}

enum Paths {
    static func typed(_ type: String, _ name: String? = nil, integration: String = Seeded.integration) -> String {
        "/api/services/zis/integrations/\(integration)/connections/\(type)" + (name.map { "/" + $0 } ?? "")
    }

    static func clients(_ integration: String = Seeded.integration, uuid: String? = nil) -> String {
        "/api/services/zis/connections/oauth/clients/\(integration)" + (uuid.map { "/" + $0 } ?? "")
    }

    static func start(_ integration: String = Seeded.integration) -> String {
        "/api/services/zis/connections/oauth/start/\(integration)"
    }

    static func oauthConnection(_ integration: String = Seeded.integration, query: String) -> String {
        "/api/services/zis/connections/\(integration)?\(query)"
    }
}

/// Walks `/connections/all` forward with `page[after]` until `has_more` is false; returns every
/// name in the order seen.
func walkAllNames(_ client: CRUDClient, pageSize: Int = 100, integration: String = Seeded.integration) throws -> [String] {
    var names: [String] = []
    var after: String?
    while true {
        var query = "page[size]=\(pageSize)"
        if let after { query += "&page[after]=\(after)" }
        let response = try client.send("GET", Seeded.listPath(integration, query: query))
        guard response.status == 200 else { throw RawHTTPClient.Failure(description: "list: \(response.status) \(response.text)") }
        let json = try response.json()
        let page = ["api_key", "basic_auth", "bearer_token", "oauth"]
            .flatMap { (json[$0] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
            .sorted()
        names += page
        let meta = json["meta"] as? [String: Any] ?? [:]
        guard meta["has_more"] as? Bool == true, let next = meta["after"] as? String else { return names }
        after = next
    }
}

/// A clock tests can move: seconds since the epoch, starting at 2024-01-15T09:00:00Z.
final class TestClock: Sendable {
    private let seconds = Locked(1_705_309_200)

    init() {}

    func now() -> Int { seconds.withLock { $0 } }

    func advance(by delta: Int) { seconds.withLock { $0 += delta } }
}

func withServer(clock: TestClock, _ body: (ZISMockServer) throws -> Void) throws {
    try withServer(configure: { configuration in configuration.clock = { clock.now() } }, body)
}

extension HTTPTestResponse {
    /// The `detail` of a Zendesk error envelope.
    var errorDetail: String? {
        guard let errors = (try? json())?["errors"] as? [[String: Any]] else { return nil }
        return errors.first?["detail"] as? String
    }

    var errorCode: String? {
        guard let errors = (try? json())?["errors"] as? [[String: Any]] else { return nil }
        return errors.first?["code"] as? String
    }
}

extension ZISService {
    /// The stored (unmasked) secret of a seeded-integration connection, to prove an update landed.
    func connectionSecret(_ name: String, integration: String = Seeded.integration) throws -> String? {
        switch connection(named: name, integration: integration)?.payload {
        case .apiKey(let fields): fields.apiKey
        case .basicAuth(let fields): fields.password
        case .bearerToken(let fields): fields.token
        case .oauth(let fields): fields.accessToken
        case nil: nil
        }
    }
}
