import Testing
@testable import ZISDomain
import ZISMockFixtures

func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// `document`, as file `bad.json`, does not load, and its error names the file and says `expected`.
func expectSeedRefusal(_ document: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        _ = try SeedLoader.parse(Array(document.utf8), file: "bad.json")
        Issue.record("loaded", sourceLocation: sourceLocation)
    } catch {
        #expect(error.description.hasPrefix("bad.json:") && error.description.contains(expected), "\(error.description)",
                sourceLocation: sourceLocation)
    }
}

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

/// Renders a page as names per type plus `meta`: the domain hands pages to whatever renders
/// them (the routing layer's renderer in the server), so its tests bring their own.
enum TestPage {
    static func render(_ page: CursorPage<Connection>) -> [UInt8] {
        var writer = JSONWriter()
        writer.raw("{")
        for (index, type) in ConnectionType.allCases.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.string(type.rawValue)
            writer.raw(":[")
            for (position, connection) in page.elements.filter({ $0.type == type }).enumerated() {
                if position > 0 { writer.raw(",") }
                writer.raw("{\"name\":")
                writer.string(connection.name)
                writer.raw("}")
            }
            writer.raw("]")
        }
        writer.raw(",")
        writer.meta(of: page)
        writer.raw("}")
        return writer.bytes
    }
}

extension ZISService {
    /// A list call as the endpoint makes it: authorize, read the page parameters, then list.
    func listBody(_ query: [(String, String)] = [], token: String = Fixture.token, integration: String = Fixture.integration)
        throws(ZISError) -> [UInt8]
    {
        _ = try authorize(.bearer(token: token), integration: integration)
        let page = try PageRequest.parse(query: query.map { (name: $0.0, value: $0.1) })
        return try listAllConnections(integration: integration, page: page, render: TestPage.render)
    }

    /// `listBody` read back.
    func list(_ query: [(String, String)] = [], token: String = Fixture.token, integration: String = Fixture.integration)
        throws -> ListBody
    {
        try ListBody(listBody(query, token: token, integration: integration))
    }
}
