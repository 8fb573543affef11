import Foundation
import Testing
import ZISDomain

/// Spec §3 over real HTTP: the body's shape and field order, masking, and cursor pagination.
@Suite("End to end: list all connections")
struct ListConnectionsTests {
    static let arrays = ["api_key", "basic_auth", "bearer_token", "oauth"]
    static let fieldOrder: [String: [String]] = [
        "api_key": ["allowed_domain", "api_key", "created_at", "header_name", "name", "updated_at"],
        "basic_auth": ["allowed_domain", "created_at", "name", "password", "updated_at", "username"],
        "bearer_token": ["allowed_domain", "created_at", "name", "token", "updated_at"],
        "oauth": ["access_token", "created_by", "name", "oauth_access_token_response_body", "oauth_url_subdomain",
                  "permission_scope", "refresh_token", "token_expiry", "token_type", "uuid"],
    ]
    static let maskedField = ["api_key": "api_key", "basic_auth": "password", "bearer_token": "token"]

    /// Every connection name of acme_crm_sync in the seed file, in byte order.
    static let seededNames: [String] = {
        let data = try! Data(contentsOf: repositoryRoot.appendingPathComponent("seed-data/default.json"))
        let document = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        let integration = (document["integrations"] as! [[String: Any]]).first { $0["name"] as? String == Seeded.integration }!
        let connections = integration["connections"] as! [String: [[String: Any]]]
        return byteOrder(connections.values.flatMap { $0.map { $0["name"] as! String } })
    }()

    static func byteOrder(_ names: [String]) -> [String] {
        names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    struct Page {
        let names: [String]
        let after: String?
        let before: String?
        let hasMore: Bool
    }

    func page(_ client: RawHTTPClient, query: String?, integration: String = Seeded.integration,
              token: String = Seeded.readWriteToken) throws -> Page {
        let response = try client.exchange(request(target: Seeded.listPath(integration, query: query), authorization: "Bearer \(token)"))
        try #require(response.status == 200, "\(query ?? "") → \(response.status) \(response.text)")
        let json = try response.json()
        var names: [String] = []
        for array in Self.arrays {
            let items = try #require(json[array] as? [[String: Any]], "\(array) missing")
            names += items.map { $0["name"] as! String }
        }
        let meta = try #require(json["meta"] as? [String: Any])
        return Page(names: Self.byteOrder(names), after: meta["after"] as? String, before: meta["before"] as? String,
                    hasMore: try #require(meta["has_more"] as? Bool))
    }

    func keys(_ value: JSONValue) -> [String] {
        guard case .object(let members) = value.kind else { return [] }
        return members.map(\.key)
    }

    @Test func defaultPageHasTheDocumentedShapeAndFieldOrder() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try client.exchange(request(target: Seeded.listPath()))
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            let document = try JSONParser.parse(response.body)
            #expect(keys(document) == Self.arrays + ["meta"])
            guard case .object(let members) = document.kind else { return }
            var itemCount = 0
            for member in members where member.key != "meta" {
                guard case .array(let items) = member.value.kind else {
                    Issue.record("\(member.key) is not an array")
                    continue
                }
                #expect(!items.isEmpty, "the default seed has every type on the first page")
                for item in items {
                    itemCount += 1
                    #expect(keys(item) == Self.fieldOrder[member.key], "\(member.key) item field order")
                    guard case .object(let fields) = item.kind else { continue }
                    for field in fields {
                        if case .string = field.value.kind { continue }
                        Issue.record("\(member.key).\(field.key) is \(field.value.typeDescription), not a string")
                    }
                    if let masked = Self.maskedField[member.key] {
                        #expect(fields.first { $0.key == masked }?.value.kind == .string("*****"), "\(member.key).\(masked) is masked")
                    }
                }
            }
            #expect(itemCount == 100, "default page size is 100")
            let meta = try #require(members.first { $0.key == "meta" }?.value)
            #expect(keys(meta) == ["after", "before", "has_more"])
        }
    }

    @Test func allFourArraysArePresentOnAnEmptyIntegration() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try client.exchange(request(target: Seeded.listPath(Seeded.emptyIntegration), authorization: "Bearer \(Seeded.emptyToken)"))
            #expect(response.status == 200)
            #expect(response.text == #"{"api_key":[],"basic_auth":[],"bearer_token":[],"oauth":[],"meta":{"after":null,"before":null,"has_more":false}}"#)
        }
    }

    @Test func aPageOfOneTypeStillHasAllFourArrays() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try client.exchange(request(target: Seeded.listPath(query: "page[size]=1")))
            let json = try response.json()
            for array in Self.arrays { #expect(json[array] is [Any], "\(array)") }
            #expect(Self.arrays.map { (json[$0] as? [Any])?.count ?? -1 }.reduce(0, +) == 1)
        }
    }

    @Test func noResponseEverCarriesASeededSecret() throws {
        // RawHTTPClient scans every response it reads; this walks every page of every integration,
        // with both tokens and in both directions, so every connection is rendered at least once.
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            for (integration, token) in [(Seeded.integration, Seeded.readWriteToken), (Seeded.slackIntegration, Seeded.slackToken)] {
                var after: String?
                repeat {
                    let current = try page(client, query: "page[size]=37" + (after.map { "&page[after]=\($0)" } ?? ""), integration: integration, token: token)
                    after = current.hasMore ? current.after : nil
                } while after != nil
            }
            let response = try client.exchange(request(target: Seeded.listPath()))
            #expect(!response.text.contains("key_"), "no api_key value leaks")
            #expect(!response.text.contains("\"pw_"), "no password leaks")
            #expect(!response.text.contains("\"tok_"), "no bearer token leaks")
            #expect(!SecretScanner.secrets.isEmpty)
        }
    }

    @Test func forwardWalkVisitsEveryConnectionOnceInThreePages() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            var pages: [Page] = []
            var query = "page[size]=100"
            while true {
                let current = try page(client, query: query)
                pages.append(current)
                #expect(current.before == current.names.first)
                #expect(current.after == current.names.last)
                guard current.hasMore, pages.count < 10 else { break }
                query = "page[size]=100&page[after]=\(current.after!)"
            }
            #expect(pages.map(\.names.count) == [100, 100, 30])
            #expect(pages.map(\.hasMore) == [true, true, false])
            let visited = pages.flatMap(\.names)
            #expect(visited == Self.seededNames, "every connection exactly once, in byte order")
            #expect(visited.count == Seeded.connectionCount)
        }
    }

    @Test func backwardWalkVisitsEveryConnectionOnce() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            var pages: [Page] = []
            var before = "zzzzzzzz"  // sorts after every seeded name; it need not exist
            while true {
                let current = try page(client, query: "page%5Bbefore%5D=\(before)&page%5Bsize%5D=100")
                pages.append(current)
                #expect(current.names == Self.byteOrder(current.names))
                guard current.hasMore, pages.count < 10 else { break }
                before = current.before!
            }
            #expect(pages.map(\.names.count) == [100, 100, 30])
            #expect(pages.map(\.hasMore) == [true, true, false])
            #expect(pages.reversed().flatMap(\.names) == Self.seededNames)
        }
    }

    @Test func bothCursorsSelectWhatLiesStrictlyBetween() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let names = Self.seededNames
            let (after, before) = (names[10], names[20])
            let first = try page(client, query: "page[after]=\(after)&page[before]=\(before)&page[size]=5")
            #expect(first.names == Array(names[11...15]))
            #expect(first.hasMore, "more remain between meta.after and page[before]")
            let second = try page(client, query: "page[after]=\(first.after!)&page[before]=\(before)&page[size]=5")
            #expect(second.names == Array(names[16...19]))
            #expect(!second.hasMore)
            let whole = try page(client, query: "page[before]=\(before)&page[after]=\(after)")
            #expect(whole.names == Array(names[11...19]))
            #expect(!whole.hasMore)
        }
    }

    @Test func percentEncodedBracketsAreTheSameParameters() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let plain = try client.exchange(request(target: Seeded.listPath(query: "page[size]=10&page[after]=b")))
            let encoded = try client.exchange(request(target: Seeded.listPath(query: "page%5Bsize%5D=10&page%5bafter%5d=b")))
            #expect(plain.status == 200)
            #expect(plain.body == encoded.body)
            #expect(try page(client, query: "page%5Bsize%5D=10").names == Array(Self.seededNames[..<10]))
        }
    }

    @Test func sizeIsCappedAndTheLastRepeatWins() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            #expect(try page(client, query: "page[size]=1000").names.count == 100)
            #expect(try page(client, query: "page[size]=99999999999999999999999").names.count == 100)
            #expect(try page(client, query: "page[size]=5&page[size]=7").names.count == 7)
            #expect(try page(client, query: "page[size]=abc&page[size]=3").names.count == 3, "only the last one is read")
            #expect(try page(client, query: "unrelated=1&page[size]=2").names.count == 2)
        }
    }

    @Test(arguments: ["page[size]=0", "page[size]=-1", "page[size]=abc", "page[size]=", "page[size]", "page[size]=1.5",
                      "page[size]=+5", "page[size]=%205", "page%5Bsize%5D=0", "page[size]=5&page[size]=0"])
    func invalidSizesAre400(query: String) throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try client.exchange(request(target: Seeded.listPath(query: query)))
            #expect(response.status == 400)
            #expect(response.text == errorBody("InvalidPaginationParameter", "page[size] is not valid"))
            #expect(try client.exchange(request(target: "/__admin/health")).status == 200, "the connection stays open")
        }
    }

    @Test(arguments: ["after", "before"])
    func invalidCursorsAre400(parameter: String) throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let expected = errorBody("InvalidPaginationParameter", "page[\(parameter)] is not valid")
            for value in ["", "a.b", "a%20b", "%C3%A9t%C3%A9", String(repeating: "n", count: 65), "a/b", "a+b", "%2A"] {
                let response = try client.exchange(request(target: Seeded.listPath(query: "page[\(parameter)]=\(value)")))
                #expect(response.status == 400, "\(value)")
                #expect(response.text == expected, "\(value)")
            }
            // A 64-character cursor that names nothing still positions by name.
            let longest = try client.exchange(request(target: Seeded.listPath(query: "page[\(parameter)]=" + String(repeating: "n", count: 64))))
            #expect(longest.status == 200)
        }
    }

    @Test func aCursorNamingNoConnectionStillPositions() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let names = Self.seededNames
            let probe = names[50] + "-"  // sorts right after names[50], names nothing
            #expect(!names.contains(probe))
            #expect(try page(client, query: "page[after]=\(probe)&page[size]=2").names == Array(names[51...52]))
        }
    }
}
