import ZISMockLocking
import Testing
@testable import ZISDomain

/// The domain side of typed CRUD and OAuth (spec §4, §5), without HTTP.
@Suite struct ConnectionsCRUDServiceTests {
    private let auth = "Bearer \(Fixture.token)"

    @Test(arguments: [
        ("application/json", true), ("application/json; charset=utf-8", true), ("Application/JSON ;charset=UTF-8", true),
        (" application/json ", true), ("text/plain", false), ("application/json-patch+json", false), ("", false),
    ])
    func mediaTypes(contentType: String, accepted: Bool) {
        #expect(RequestBody.isJSONMediaType(contentType) == accepted)
    }

    @Test func missingContentTypeIsRefused() {
        #expect(!RequestBody.isJSONMediaType(nil))
    }

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
        let created = try service.createConnection(
            type: .bearerToken, integration: Fixture.integration, authorization: auth, contentType: "application/json",
            body: utf8(#"{"name":"abc","allowed_domain":"a.example.com","token":"secret-123"}"#))
        #expect(text(created) == #"{"bearer_token":{"allowed_domain":"a.example.com","created_at":"2024-01-15T09:00:00Z","name":"abc","token":"*****","updated_at":"2024-01-15T09:00:00Z"}}"#)
        now.withLock { $0 += 3600 }
        let updated = try service.updateConnection(
            type: .bearerToken, name: "abc", integration: Fixture.integration, authorization: auth, contentType: "application/json",
            body: utf8(#"{"token":"secret-456"}"#))
        #expect(text(updated).contains(#""created_at":"2024-01-15T09:00:00Z""#))
        #expect(text(updated).contains(#""updated_at":"2024-01-15T10:00:00Z""#))
        guard case .bearerToken(let fields) = service.connection(named: "abc", integration: Fixture.integration)?.payload else {
            Issue.record("not stored")
            return
        }
        #expect(fields.token == "secret-456")
    }

    /// Authorization comes before body validation (spec §2 order).
    @Test func authIsCheckedBeforeTheBody() {
        let service = Fixture.service(connectionCount: 0)
        #expect(throws: ZISError.invalidCredentials) {
            try service.createConnection(type: .apiKey, integration: Fixture.integration, authorization: nil, contentType: "text/plain", body: [])
        }
        #expect(throws: ZISError.missingScope(.write)) {
            try service.createConnection(
                type: .apiKey, integration: Fixture.integration, authorization: "Bearer \(Fixture.readOnlyToken)", contentType: nil, body: [])
        }
    }

    @Test func oauthFlowCodesAreSingleUse() throws {
        let service = ZISService(seed: Seed(integrations: [
            SeedIntegration(
                name: Fixture.integration, tokens: [SeedToken(token: Fixture.token, scopes: [.write])],
                oauthClients: [
                    OAuthClient(
                        name: "client_a", clientID: "id", clientSecret: "cs", authURL: "", tokenURL: "https://t.example.com",
                        defaultScopes: "scope_a", grantType: .clientCredentials, uuid: "u-1")
                ])
        ]))
        let started = try service.startOAuthFlow(
            integration: Fixture.integration, authorization: auth, contentType: "application/json",
            body: utf8(#"{"name":"flow_conn","oauth_client_uuid":"u-1"}"#), host: nil)
        let prefix = #"{"redirect_url":"http://localhost/api/services/zis/connections/oauth/callback?verification_code="#
        #expect(text(started).hasPrefix(prefix))
        let code = String(text(started).dropFirst(prefix.count).dropLast(2))
        #expect(code.utf8.count == 48)
        let completion = try service.completeOAuthFlow(query: [("verification_code", code)])
        #expect(completion.redirectURL == nil)
        #expect(text(completion.body).contains(#""permission_scope":"scope_a""#))
        #expect(throws: ZISError.badRequest(detail: "verification_code is unknown or has already been used")) {
            try service.completeOAuthFlow(query: [("verification_code", code)])
        }
        #expect(service.connection(named: "flow_conn", integration: Fixture.integration)?.type == .oauth)
    }
}
