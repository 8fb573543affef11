import ZISMockLocking
import Testing
@testable import ZISDomain
import ZISMockFixtures

/// The domain side of typed CRUD and OAuth (spec §4, §5), without HTTP.
@Suite struct ConnectionsCRUDServiceTests {
    @Test func uuidsAreVersion4AndDistinct() {
        let uuids = (0..<200).map { _ in RandomToken.uuidV4() }
        #expect(Set(uuids).count == uuids.count)
        for uuid in uuids {
            let bytes = Array(uuid.utf8)
            #expect(bytes.count == 36)
            #expect([8, 13, 18, 23].allSatisfy { bytes[$0] == UInt8(ascii: "-") })
            #expect(bytes[14] == UInt8(ascii: "4"))
            #expect("89ab".utf8.contains(bytes[19]))
        }
        #expect(RandomToken.hex(byteCount: 16).utf8.count == 32)
    }

    @Test func updatesStampUpdatedAtFromTheInjectedClock() throws {
        let now = Locked(1_705_309_200)
        let service = ZISService(seed: Fixture.seed(connections: []), clock: { now.withLock { $0 } })
        let draft = try ConnectionDraft(
            type: .bearerToken, name: "abc", values: ["allowed_domain": "a.example.com", "token": "secret-123"])
        let created = try service.createConnection(draft, integration: Fixture.integration)
        #expect(created.createdAt == "2024-01-15T09:00:00Z" && created.updatedAt == created.createdAt)
        now.withLock { $0 += 3600 }
        let patch = ConnectionPatch(fields: try fields(#"{"token":"secret-456"}"#))
        let updated = try service.updateConnection(type: .bearerToken, name: "abc", integration: Fixture.integration, with: patch)
        #expect(updated.createdAt == "2024-01-15T09:00:00Z")
        #expect(updated.updatedAt == "2024-01-15T10:00:00Z")
        #expect(updated.payload == .bearerToken(BearerTokenFields(allowedDomain: "a.example.com", token: "secret-456")))
        #expect(service.connection(named: "abc", integration: Fixture.integration) == updated)
    }

    /// One description of each type's fields: a draft is refused for the same reasons over
    /// HTTP (`RequestFields`) and from the embedding (a dictionary), with the same words.
    @Test(arguments: [
        (#"{"name":"key_one","allowed_domain":"a.example.com","api_key":"k","header_name":"bad name"}"#,
         "header_name must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)"),
        (#"{"name":"key_one","allowed_domain":"not a host","api_key":"k","header_name":"X-Key"}"#, HostName.rule),
        (#"{"name":"key_one","allowed_domain":"a.example.com","header_name":"X-Key"}"#, "api_key is required"),
        (#"{"name":"x","allowed_domain":"a.example.com","api_key":"k","header_name":"X-Key"}"#, NameRules.connectionNameRule),
    ])
    func draftsAreCheckedAlikeFromBodiesAndFromSwift(body: String, detail: String) throws {
        let parsed = try fields(body)
        #expect(throws: ZISError.badRequest(detail: detail)) { try ConnectionDraft(type: .apiKey, fields: parsed) }
        var values: [String: String] = [:]
        for member in parsed.members { if case .string(let value) = member.value.kind { values[member.key] = value } }
        let name = values.removeValue(forKey: "name") ?? ""
        #expect(throws: ZISError.badRequest(detail: detail)) { try ConnectionDraft(type: .apiKey, name: name, values: values) }
    }

    private func fields(_ json: String) throws -> RequestFields {
        guard case .object(let members) = try JSONParser.parse(utf8(json)).kind else { throw ListBodyError() }
        return RequestFields(members: members)
    }

    @Test func oauthFlowStatesAreSingleUse() throws {
        let service = ZISService(seed: Seed(integrations: [
            SeedIntegration(
                name: Fixture.integration, tokens: [SeedToken(token: Fixture.token, scopes: [.write])],
                oauthClients: [
                    OAuthClient(
                        name: "client_a", clientID: "id", clientSecret: "cs", authURL: "", tokenURL: "https://t.example.com",
                        defaultScopes: "scope_a", grantType: .clientCredentials, uuid: "u-1")
                ])
        ]))
        let start = try OAuthRequests.start(fields: try fields(#"{"name":"flow_conn","oauth_client_uuid":"u-1"}"#))
        let redirect = try service.startOAuthFlow(start, integration: Fixture.integration, callbackBase: "http://localhost")
        let prefix = "http://localhost/api/services/zis/connections/oauth/callback?state="
        #expect(redirect.hasPrefix(prefix))
        let state = String(redirect.dropFirst(prefix.count))
        #expect(state.utf8.count == 48)
        let callback = OAuthCallback(state: state, code: nil, error: nil, errorDescription: nil)
        // Client credentials: only with the integration's bearer, and the flow survives a refusal.
        #expect(throws: ZISError.self) { try service.completeOAuthFlow(callback, credentials: .none) }
        let completion = try service.completeOAuthFlow(callback, credentials: .bearer(token: Fixture.token))
        guard case .connected(let connection, _, _, let redirectURL) = completion, case .oauth(let oauth) = connection.payload else {
            Issue.record("not an OAuth connection")
            return
        }
        #expect(redirectURL == nil)
        #expect(oauth.permissionScope == "scope_a")
        #expect(oauth.refreshToken.isEmpty)
        #expect(throws: ZISError.badRequest(detail: "state is unknown or has already been used")) {
            try service.completeOAuthFlow(callback, credentials: .bearer(token: Fixture.token))
        }
        #expect(service.connection(named: "flow_conn", integration: Fixture.integration)?.type == .oauth)
    }
}
