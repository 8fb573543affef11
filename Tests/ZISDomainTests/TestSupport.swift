@testable import ZISDomain

/// Shared builders and readers for the domain tests.
enum Fixture {
    static let token = "test-read-write-token"
    static let readOnlyToken = "test-read-only-token"
    static let otherToken = "test-other-integration-token"
    static let integration = "acme"
    static let otherIntegration = "other"
    static let stamp = "2024-01-15T09:00:00Z"

    static func connection(_ name: String, type: ConnectionType = .apiKey, secret: String = "s3cret-value") -> Connection {
        let payload: ConnectionPayload =
            switch type {
            case .apiKey: .apiKey(APIKeyFields(allowedDomain: "api.example.com", headerName: "X-Api-Key", apiKey: secret))
            case .basicAuth: .basicAuth(BasicAuthFields(allowedDomain: "api.example.com", username: "bot", password: secret))
            case .bearerToken: .bearerToken(BearerTokenFields(allowedDomain: "api.example.com", token: secret))
            case .oauth: .oauth(OAuthConnectionFields(accessToken: "at-\(name)", refreshToken: "rt-\(name)"))
            }
        return Connection(name: name, createdAt: stamp, updatedAt: stamp, payload: payload)
    }

    /// `count` connections named `c0000`, `c0001`, … cycling through the four types.
    static func connections(_ count: Int) -> [Connection] {
        (0..<count).map { index in
            connection(name(index), type: ConnectionType.allCases[index % 4])
        }
    }

    static func name(_ index: Int) -> String {
        let digits = String(index)
        return "c" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func seed(connections: [Connection]) -> Seed {
        Seed(integrations: [
            SeedIntegration(
                name: integration,
                tokens: [
                    SeedToken(token: token, scopes: [.read, .write]),
                    SeedToken(token: readOnlyToken, scopes: [.read]),
                ],
                connections: connections),
            SeedIntegration(
                name: otherIntegration, tokens: [SeedToken(token: otherToken, scopes: [.read, .write])]),
        ])
    }

    static func service(connectionCount: Int) -> ZISService {
        ZISService(seed: seed(connections: connections(connectionCount)))
    }
}

func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// A list response read back with the domain's own parser: the names per array and `meta`.
struct ListBody {
    var namesByType: [String: [String]] = [:]
    var after: String?
    var before: String?
    var hasMore = false

    /// All names on the page in ascending order (the arrays merged back).
    var names: [String] { namesByType.values.flatMap { $0 }.sorted() }

    init(_ bytes: [UInt8]) throws {
        guard case .object(let members) = try JSONParser.parse(bytes).kind else { throw ListBodyError() }
        for member in members {
            switch member.value.kind {
            case .array(let items):
                namesByType[member.key] = try items.map { item in
                    guard case .object(let fields) = item.kind,
                        case .string(let name) = fields.first(where: { $0.key == "name" })?.value.kind
                    else { throw ListBodyError() }
                    return name
                }
            case .object(let meta):
                for field in meta {
                    switch (field.key, field.value.kind) {
                    case ("after", .string(let value)): after = value
                    case ("before", .string(let value)): before = value
                    case ("has_more", .bool(let value)): hasMore = value
                    default: break
                    }
                }
            default:
                throw ListBodyError()
            }
        }
    }
}

struct ListBodyError: Error {}

extension ZISService {
    /// A list call with the fixture's read+write token; pagination as `(name, value)` pairs.
    func list(_ query: [(String, String)] = [], token: String = Fixture.token, integration: String = Fixture.integration)
        throws -> ListBody
    {
        try ListBody(listAllConnections(integration: integration, authorization: "Bearer \(token)", query: query).get())
    }
}
