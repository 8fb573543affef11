import Foundation
import Testing
@testable import ZISDomain
import ZISMockFixtures

@Suite struct SeedLoaderTests {
    /// A one-integration seed with `items` as its api_key array, one item per line starting at line 6.
    private func seed(apiKeys items: [String] = [], extraIntegrationFields: String = "", connectionsExtra: String = "") -> String {
        """
        {
          "integrations": [
            {"name": "acme",\(extraIntegrationFields)
             "connections": {\(connectionsExtra)
              "api_key": [
        \(items.joined(separator: ",\n"))
              ]
            }}
          ]
        }
        """
    }

    private let validItem = #"{"name": "stripe_prod", "allowed_domain": "api.stripe.com", "api_key": "sk", "header_name": "Authorization"}"#

    private func item(_ overrides: String) -> String {
        #"{"allowed_domain": "api.stripe.com", "api_key": "sk", "header_name": "Authorization", "#
            + overrides + "}"
    }

    private func loadError(_ text: String, file: String = "seed-data/x.json") -> String? {
        do {
            _ = try SeedLoader.parse(utf8(text), file: file)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func loadsAValidSeedWithDefaultsFilledIn() throws {
        let text = seed(
            apiKeys: [validItem], extraIntegrationFields: #" "tokens": [{"token": "abcdefgh", "scopes": ["read", "zis:write"]}],"#,
            connectionsExtra: #""oauth": [{"name": "sf_oauth", "access_token": "at"}],"#)
        let loaded = try SeedLoader.parse(utf8(text), file: "x.json", loadTime: "2030-01-01T00:00:00Z")
        let integration = try #require(loaded.integrations.first)
        #expect(integration.tokens == [SeedToken(token: "abcdefgh", scopes: [.read, .write])])
        #expect(integration.connections.map(\.name) == ["sf_oauth", "stripe_prod"])
        #expect(integration.connections[1].createdAt == "2030-01-01T00:00:00Z")
        #expect(integration.connections[0].payload == .oauth(OAuthConnectionFields(accessToken: "at", tokenType: "bearer")))
    }

    @Test(arguments: [
        ("{\"name\": \"ab\"}", "6:11", ".api_key[0].name", "name must be 3-64 characters of A-Z a-z 0-9 _ -"),
        ("{\"name\": \"has space\"}", "6:11", ".api_key[0].name", "name must be 3-64"),
        ("{\"name\": \"ok_name\", \"allowed_domian\": \"x\"}", "6:22", ".api_key[0].allowed_domian", "unknown field \"allowed_domian\""),
        ("{\"name\": 42}", "6:11", ".api_key[0].name", "expected a string, found a number"),
        ("{\"name\": \"ok_name\", \"created_at\": \"2024-01-15 09:00:00\"}", "6:36", ".api_key[0].created_at", "created_at must be an RFC 3339 UTC timestamp"),
        ("{\"name\": \"ok_name\", \"updated_at\": \"2024-01-15T09:00:00+01:00\"}", "6:36", ".api_key[0].updated_at", "RFC 3339"),
    ])
    func connectionRulesNameFileLinePathAndRule(overrides: String, position: String, pathSuffix: String, rule: String) throws {
        let json = seed(apiKeys: [item(String(overrides.dropFirst().dropLast()))])
        let message = try #require(loadError(json))
        let prefix = "seed-data/x.json:"
        #expect(message.hasPrefix(prefix), "\(message)")
        #expect(message.contains(": integrations[0].connections\(pathSuffix): "), "\(message)")
        #expect(message.contains(rule), "\(message)")
        // The line is right; columns depend on the item text, checked for a few above.
        #expect(message.hasPrefix(prefix + position.split(separator: ":")[0] + ":"), "\(message)")
    }

    @Test func columnsPointAtTheOffendingValue() throws {
        let json = seed(apiKeys: [item(#""name": "x""#)])
        let message = try #require(loadError(json))
        let column = try #require(json.split(separator: "\n", omittingEmptySubsequences: false)[5].range(of: "\"x\""))
        let expectedColumn = json.split(separator: "\n", omittingEmptySubsequences: false)[5].distance(
            from: json.split(separator: "\n", omittingEmptySubsequences: false)[5].startIndex, to: column.lowerBound) + 1
        #expect(message.hasPrefix("seed-data/x.json:6:\(expectedColumn): integrations[0].connections.api_key[0].name: name must be"))
    }

    @Test(arguments: ["*.example.com", "https://api.example.com", "api.example.com/v1", "api.example.com:443", "-bad.example.com", "bad-.example.com", "a..b", "", "api.example.com."])
    func allowedDomainMustBeABareHostName(domain: String) throws {
        let json = seed(apiKeys: [#"{"name": "ok_name", "allowed_domain": "\#(domain)", "api_key": "k", "header_name": "h"}"#])
        let message = try #require(loadError(json))
        #expect(message.contains(".api_key[0].allowed_domain: allowed_domain must be a bare host name"), "\(message)")
    }

    @Test func missingRequiredFieldNamesTheField() throws {
        let json = seed(apiKeys: [#"{"name": "ok_name", "allowed_domain": "a.com", "api_key": "k"}"#])
        #expect(loadError(json) == "seed-data/x.json:6:1: integrations[0].connections.api_key[0].header_name: required field \"header_name\" is missing")
    }

    @Test func duplicateNamesAcrossTypesAreRejected() throws {
        let json = seed(apiKeys: [validItem], connectionsExtra: #""bearer_token": [{"name": "stripe_prod", "allowed_domain": "a.com", "token": "t"}],"#)
        let message = try #require(loadError(json))
        #expect(message.contains("integrations[0].connections.api_key[0].name: name \"stripe_prod\" is already used by integrations[0].connections.bearer_token[0]"), "\(message)")
    }

    @Test func tokenAndIntegrationRules() throws {
        func document(_ integrations: String) -> String { "{\"integrations\": [\(integrations)]}" }
        let shortToken = try #require(loadError(document(#"{"name": "a", "tokens": [{"token": "short", "scopes": []}]}"#)))
        #expect(shortToken == "seed-data/x.json:1:54: integrations[0].tokens[0].token: token must be 8-512 characters")
        let twice = try #require(loadError(document(
            #"{"name": "a", "tokens": [{"token": "abcdefgh", "scopes": []}]}, {"name": "b", "tokens": [{"token": "abcdefgh", "scopes": []}]}"#)))
        #expect(twice.contains("integrations[1].tokens[0].token: token is listed twice (first at seed-data/x.json:1:54 integrations[0].tokens[0].token)"), "\(twice)")
        let scope = try #require(loadError(document(#"{"name": "a", "tokens": [{"token": "abcdefgh", "scopes": ["admin"]}]}"#)))
        #expect(scope.contains("integrations[0].tokens[0].scopes[0]: scope must be one of read, write, zis:read, zis:write"))
        let badName = try #require(loadError(document(#"{"name": "a b"}"#)))
        #expect(badName == "seed-data/x.json:1:28: integrations[0].name: integration name must be 1-64 characters of A-Z a-z 0-9 _ -")
        let duplicate = try #require(loadError(document(#"{"name": "a"}, {"name": "a"}"#)))
        #expect(duplicate.contains("integrations[1].name: integration \"a\" is already defined"))
        let unknownTop = try #require(loadError(#"{"integrations": [], "version": 2}"#))
        #expect(unknownTop == "seed-data/x.json:1:22: version: unknown field \"version\" (expected one of: integrations, secrets, admins, zendesk_account_id)")
        let wrongType = try #require(loadError(#"{"integrations": {}}"#))
        #expect(wrongType == "seed-data/x.json:1:18: integrations: expected an array, found an object")
    }

    @Test func syntaxErrorsReportPosition() throws {
        #expect(loadError("{\n  \"integrations\": [,]\n}") == "seed-data/x.json:2:20: invalid JSON: unexpected character ',', expected a value")
    }

    @Test func streamedConnectionsReportErrorsWithPositionAndPath() throws {
        let repeatedKey = try #require(loadError(seed(apiKeys: [item(#""name": "ok_name", "api_key": "k""#)])))
        #expect(repeatedKey.hasPrefix("seed-data/x.json:6:"), "\(repeatedKey)")
        #expect(repeatedKey.hasSuffix("invalid JSON: duplicate key \"api_key\" in object"), "\(repeatedKey)")
        let nested = try #require(loadError(seed(apiKeys: [item(#""name": ["a", {"b": 1}]"#)])))
        #expect(nested.contains("integrations[0].connections.api_key[0].name: expected a string, found an array"), "\(nested)")
        let notAnArray = try #require(loadError(seed(connectionsExtra: #""oauth": {"name": "x"},"#)))
        #expect(notAnArray.contains("integrations[0].connections.oauth: expected an array, found an object"), "\(notAnArray)")
        let truncated = try #require(loadError(#"{"integrations": [{"name": "a", "connections": {"api_key": [{"name": "#))
        #expect(truncated == "seed-data/x.json:1:70: invalid JSON: unexpected end of input, expected a value")
    }


    @Test func everyFieldOfEveryTypeLandsInItsOwnPlace() throws {
        // The schema hands fields to the models by position; distinct values catch a swapped slot.
        let json = """
            {"integrations": [{"name": "acme", "connections": {
              "api_key": [{"name": "k_1", "allowed_domain": "k.example", "api_key": "key", "header_name": "X-Key",
                           "created_at": "2024-01-01T00:00:01Z", "updated_at": "2024-01-01T00:00:02Z"}],
              "basic_auth": [{"name": "b_1", "allowed_domain": "b.example", "username": "user", "password": "pass"}],
              "bearer_token": [{"name": "t_1", "allowed_domain": "t.example", "token": "tok"}],
              "oauth": [{"name": "o_1", "access_token": "at", "created_by": "cb", "oauth_access_token_response_body": "body",
                         "oauth_url_subdomain": "sub", "permission_scope": "scope", "refresh_token": "rt",
                         "token_expiry": "exp", "token_type": "mac", "uuid": "u-1"}]
            }}]}
            """
        let connections = try SeedLoader.parse(utf8(json), file: "x.json", loadTime: "2030-01-01T00:00:00Z").integrations[0].connections
        #expect(connections.map(\.payload) == [
            .apiKey(APIKeyFields(allowedDomain: "k.example", headerName: "X-Key", apiKey: "key")),
            .basicAuth(BasicAuthFields(allowedDomain: "b.example", username: "user", password: "pass")),
            .bearerToken(BearerTokenFields(allowedDomain: "t.example", token: "tok")),
            .oauth(OAuthConnectionFields(
                accessToken: "at", createdBy: "cb", oauthAccessTokenResponseBody: "body", oauthURLSubdomain: "sub",
                permissionScope: "scope", refreshToken: "rt", tokenExpiry: "exp", tokenType: "mac", uuid: "u-1")),
        ])
        #expect(connections[0].createdAt == "2024-01-01T00:00:01Z")
        #expect(connections[0].updatedAt == "2024-01-01T00:00:02Z")
        #expect(connections[1].createdAt == "2030-01-01T00:00:00Z")
    }

    @Test func escapedKeysMatchLikeAnyOther() throws {
        // Keys are usually matched as raw bytes; one spelled with escapes must load the same.
        let json = seed(apiKeys: [#"{"n\u0061me": "escaped_key", "allowed_domain": "a.example", "api_key": "k", "header_nam\u0065": "h"}"#])
        let loaded = try SeedLoader.parse(utf8(json), file: "x.json")
        #expect(loaded.integrations[0].connections.map(\.name) == ["escaped_key"])
        let unknown = try #require(loadError(seed(apiKeys: [item(#""name": "ok_name", "\u00e9x": "1""#)])))
        #expect(unknown.contains("unknown field \"\u{E9}x\""), "\(unknown)")
    }

    @Test func connectionsKeepDocumentOrderAndTheStoreSortsThem() throws {
        let json = seed(apiKeys: [item(#""name": "zz_last""#), item(#""name": "aa_first""#)])
        let loaded = try SeedLoader.parse(utf8(json), file: "x.json")
        #expect(loaded.integrations[0].connections.map(\.name) == ["zz_last", "aa_first"])
        let state = IntegrationState(name: "acme", connections: Segmented(loaded.integrations[0].connections), oauthClients: [])
        #expect(state.connections.map(\.name) == ["aa_first", "zz_last"])
    }

    /// A seed built in code may repeat a name; the store keeps the first use of each.
    @Test func theStoreKeepsTheFirstOfRepeatedNamesFromCode() {
        let connections = [
            Fixture.connection("b_name", type: .apiKey), Fixture.connection("a_name", type: .basicAuth),
            Fixture.connection("b_name", type: .bearerToken), Fixture.connection("c_name", type: .oauth),
            Fixture.connection("a_name", type: .apiKey), Fixture.connection("b_name", type: .oauth),
        ]
        let state = IntegrationState(name: "acme", connections: Segmented(connections), oauthClients: [])
        #expect(state.connections.map { "\($0.name) \($0.type.rawValue)" } == ["a_name basic_auth", "b_name api_key", "c_name oauth"])
    }

    @Test func theDecodersNameOrderBuildsTheStoreUntilConnectionsChange() throws {
        let json = seed(apiKeys: [item(#""name": "zz_last""#), item(#""name": "aa_first""#)])
        var integration = try SeedLoader.parse(utf8(json), file: "x.json").integrations[0]
        #expect(integration.nameOrder == [1, 0])
        let state = ServiceState(seed: Seed(integrations: [integration]))
        #expect(state.integrations["acme"]?.connections.map(\.name) == ["aa_first", "zz_last"])
        // An order left over from before a change would break the store's sorted invariant.
        integration.connections.removeFirst()
        #expect(integration.nameOrder == nil)
    }

    @Test func givenTimestampsGiveIdenticalBodiesOnEveryLoad() throws {
        let json = utf8(seed(apiKeys: [item(#""name": "n_one", "created_at": "2024-01-01T00:00:00.52Z", "updated_at": "2024-02-01T00:00:00Z""#)]))
        let first = try SeedLoader.parse(json, file: "a", loadTime: "2030-01-01T00:00:00Z")
        let second = try SeedLoader.parse(json, file: "a", loadTime: "2031-01-01T00:00:00Z")
        #expect(first == second)
        #expect(first.integrations[0].connections[0].createdAt == "2024-01-01T00:00:00.52Z")
    }

    @Test func foldersAreMergedInFilenameOrder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try #"{"integrations": [{"name": "second"}]}"#.write(toFile: folder + "/b.json", atomically: true, encoding: .utf8)
        try #"{"integrations": [{"name": "first", "tokens": [{"token": "abcdefgh", "scopes": ["write"]}]}]}"#.write(
            toFile: folder + "/a.json", atomically: true, encoding: .utf8)
        try "not json".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        let merged = try SeedLoader.load(path: folder)
        #expect(merged.integrations.map(\.name) == ["first", "second"])

        try #"{"integrations": [{"name": "first"}]}"#.write(toFile: folder + "/c.json", atomically: true, encoding: .utf8)
        #expect { try SeedLoader.load(path: folder) } throws: { error in
            let description = String(describing: error)
            return description.hasPrefix(folder + "/c.json:1:28: integrations[0].name: integration \"first\" is already defined")
                && description.contains(folder + "/a.json")
        }
    }

    @Test func aTokenRepeatedInAnotherFileIsRejected() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try #"{"integrations": [{"name": "a", "tokens": [{"token": "abcdefgh", "scopes": []}]}]}"#.write(toFile: folder + "/1.json", atomically: true, encoding: .utf8)
        try #"{"integrations": [{"name": "b", "tokens": [{"token": "abcdefgh", "scopes": []}]}]}"#.write(toFile: folder + "/2.json", atomically: true, encoding: .utf8)
        #expect { try SeedLoader.load(path: folder) } throws: { error in
            String(describing: error).hasPrefix(folder + "/2.json:1:54: integrations[0].tokens[0].token: token is listed twice")
        }
    }

    /// A file past `SeedFiles.mapMinimumBytes` is mapped, not read; what loads is what its bytes parse to.
    @Test func aBigFileMappedLoadsAsItsBytes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let connection = { (index: Int) in
            #"{"name":"c\#(100_000 + index)","allowed_domain":"api.example.com","header_name":"x-api-key","api_key":"key-\#(index)"}"#
        }
        let count = SeedFiles.mapMinimumBytes / 100 + 1_000
        let json = #"{"integrations":[{"name":"big","connections":{"api_key":[\#((0..<count).map(connection).joined(separator: ",\n"))]}}]}"#
        #expect(json.utf8.count > SeedFiles.mapMinimumBytes)
        try json.write(toFile: folder + "/big.json", atomically: true, encoding: .utf8)
        let loaded = try SeedLoader.load(path: folder + "/big.json", loadTime: "2030-01-01T00:00:00Z")
        #expect(loaded == (try SeedLoader.parse(Array(json.utf8), file: "big.json", loadTime: "2030-01-01T00:00:00Z")))
        #expect(loaded.integrations[0].connections.count == count)
    }

    /// A mapped file cut short while it is read (an editor rewriting it in place) does not crash
    /// the process with SIGBUS: the read past the new end sees zeros, and the file is read again
    /// as it is now.
    @Test func aMappedFileThatShrinksWhileReadIsReadAgain() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/shrinking.json"
        try String(repeating: " ", count: SeedFiles.mapMinimumBytes * 2).write(toFile: path, atomically: true, encoding: .utf8)
        var seen: [(count: Int, last: UInt8)] = []
        let result = try SeedFiles.withContents(path) { bytes throws(SeedError) in
            if seen.isEmpty { #expect(truncate(path, 10) == 0) }
            seen.append((bytes.count, bytes[bytes.count - 1]))
            return bytes.count
        }
        #expect(seen.map(\.count) == [SeedFiles.mapMinimumBytes * 2, 10])
        #expect(seen.first?.last == 0, "the mapped read past the new end saw a page of zeros")
        #expect(result == 10)
    }

    /// A SIGBUS that is not from a seed mapping still ends the process, as it would have: by the
    /// signal, or under a sanitizer (which reports a deadly signal itself) with its exit code.
    @Test func anotherBusErrorStillEndsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            let folder = NSTemporaryDirectory() + "/zis-mock-sigbus-\(getpid())"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + "/mapped.json"
            try? String(repeating: " ", count: SeedFiles.mapMinimumBytes).write(toFile: path, atomically: true, encoding: .utf8)
            // Installs the handler.
            _ = try? SeedFiles.withContents(path) { bytes throws(SeedError) in bytes.count }
            let descriptor = open(path, O_RDWR)
            let mapped = mmap(nil, 8192, PROT_READ, MAP_SHARED, descriptor, 0)!
            _ = ftruncate(descriptor, 0)
            _ = mapped.load(as: UInt8.self)
        }
    }

    @Test func unreadablePathsAreReported() throws {
        #expect { try SeedLoader.load(path: "/nonexistent/seed.json") } throws: { error in
            String(describing: error) == "/nonexistent/seed.json: cannot access seed: No such file or directory"
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: SeedError.self) { try SeedLoader.load(path: folder) }
    }

    private func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "zis-seed-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
