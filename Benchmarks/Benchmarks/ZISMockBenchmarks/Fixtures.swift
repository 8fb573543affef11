@_spi(Benchmarks) import ZISDomain
@_spi(Benchmarks) import ZISMockHTTP
@_spi(Benchmarks) import ZISMock

/// The data the benchmarks run on: the same shape as `bench/gen-big-seed.py` writes (names
/// `c0000000`…, types round-robin, every timestamp given), built in memory.
enum Fixtures {
    static let integration = "bench_1"
    static let token = "bench-token-1"

    static func name(_ index: Int) -> String {
        let digits = String(index)
        return "c" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    static func connection(_ index: Int, suffix: String = "") -> Connection {
        let created = "2024-01-01T00:00:00Z"
        let updated = "2024-01-01T01:00:00Z"
        let payload: ConnectionPayload
        switch index % 4 {
        case 0: payload = .apiKey(APIKeyFields(allowedDomain: "api.example.com", headerName: "x-api-key", apiKey: "key-\(index)"))
        case 1: payload = .basicAuth(BasicAuthFields(allowedDomain: "erp.example.com", username: "svc-\(index)", password: "pw-\(index)"))
        case 2: payload = .bearerToken(BearerTokenFields(allowedDomain: "billing.example.com", token: "tok-\(index)"))
        default: payload = .oauth(OAuthConnectionFields(accessToken: "at-\(index)", refreshToken: "rt-\(index)", tokenExpiry: updated))
        }
        return Connection(name: name(index) + suffix, createdAt: created, updatedAt: updated, payload: payload)
    }

    static func store(_ count: Int) -> ConnectionStoreDriver {
        ConnectionStoreDriver(connections: (0..<count).map { connection($0) })
    }

    nonisolated(unsafe) private static var stores: [Int: ConnectionStoreDriver] = [:]

    /// Built on first use and kept (benchmarks run one at a time, on one thread).
    static func sharedStore(_ count: Int) -> ConnectionStoreDriver {
        if let store = stores[count] { return store }
        let store = store(count)
        stores[count] = store
        return store
    }

    /// One HTTP connection to a server of 10,000 connections, assembled as `zis-mock` assembles
    /// it (every route, the default middleware: journal and CORS on), with the page cache warm
    /// for the request the full-request benchmark sends.
    nonisolated(unsafe) static let sharedConnection: HTTPConnectionDriver = {
        var configuration = ZISMockConfiguration()
        configuration.seed = Seed(integrations: [
            SeedIntegration(
                name: integration, tokens: [SeedToken(token: token, scopes: [.read, .write])],
                connections: (0..<10_000).map { connection($0) }),
        ])
        let driver = ZISMockServer.connectionDriver(configuration)
        Array(listRequest(cursor: name(5_000)).utf8).withUnsafeBytes { precondition(driver.receive($0)) }
        return driver
    }()

    static func listRequest(cursor: String?) -> String {
        var target = "/api/services/zis/integrations/\(integration)/connections/all?page%5Bsize%5D=100"
        if let cursor { target += "&page%5Bafter%5D=" + cursor }
        return "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: bench\r\nAccept: */*\r\n"
            + "Authorization: Bearer \(token)\r\nConnection: keep-alive\r\n\r\n"
    }

    /// A seed document of `count` api_key connections in one integration.
    static func seedJSON(_ count: Int) -> String {
        let items = (0..<count).map {
            #"{"name":"\#(name($0))","allowed_domain":"api.example.com","header_name":"x-api-key","api_key":"key-\#($0)","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T01:00:00Z"}"#
        }
        return #"{"integrations":[{"name":"\#(integration)","tokens":[{"token":"\#(token)","scopes":["read","write"]}],"connections":{"api_key":["#
            + items.joined(separator: ",") + "]}}]}"
    }
}
