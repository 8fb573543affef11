import Testing
@testable import ZISDomain

@Suite struct RenderingTests {
    @Test func rendersEachTypeWithSpecFieldOrderAndMaskedSecrets() throws {
        let connections = [
            Fixture.connection("one_api_key", type: .apiKey, secret: "k-secret"),
            Fixture.connection("two_basic", type: .basicAuth, secret: "p-secret"),
            Fixture.connection("three_bearer", type: .bearerToken, secret: "t-secret"),
            Connection(
                name: "four_oauth", createdAt: Fixture.stamp, updatedAt: Fixture.stamp,
                payload: .oauth(
                    OAuthConnectionFields(
                        accessToken: "at", createdBy: "1", oauthAccessTokenResponseBody: "{\"x\":1}", oauthURLSubdomain: "acme",
                        permissionScope: "read", refreshToken: "rt", tokenExpiry: "2025-01-01T00:00:00Z", uuid: "u-1"))),
        ]
        let service = ZISService(seed: Fixture.seed(connections: connections))
        let body = text(try service.listAllConnections(integration: Fixture.integration, authorization: "Bearer \(Fixture.token)", query: []).get())
        let stamp = Fixture.stamp
        let expected =
            #"{"api_key":[{"allowed_domain":"api.example.com","api_key":"*****","created_at":"\#(stamp)","header_name":"X-Api-Key","name":"one_api_key","updated_at":"\#(stamp)"}],"#
            + #""basic_auth":[{"allowed_domain":"api.example.com","created_at":"\#(stamp)","name":"two_basic","password":"*****","updated_at":"\#(stamp)","username":"bot"}],"#
            + #""bearer_token":[{"allowed_domain":"api.example.com","created_at":"\#(stamp)","name":"three_bearer","token":"*****","updated_at":"\#(stamp)"}],"#
            + #""oauth":[{"access_token":"at","created_by":"1","name":"four_oauth","oauth_access_token_response_body":"{\"x\":1}","oauth_url_subdomain":"acme","permission_scope":"read","refresh_token":"rt","token_expiry":"2025-01-01T00:00:00Z","token_type":"bearer","uuid":"u-1"}],"#
            + #""meta":{"after":"two_basic","before":"four_oauth","has_more":false}}"#
        #expect(body == expected)
    }

    @Test func noSeededSecretEverAppearsInTheDefaultSeedResponses() throws {
        let seed = SeedLoader.defaultSeed
        let service = ZISService(seed: seed)
        let secrets = seed.integrations.flatMap(\.connections).compactMap { connection -> String? in
            switch connection.payload {
            case .apiKey(let fields): fields.apiKey
            case .basicAuth(let fields): fields.password
            case .bearerToken(let fields): fields.token
            case .oauth: nil
            }
        }
        #expect(secrets.count > 200)
        var rendered = ""
        for (integration, token) in [("acme_crm_sync", "zis-mock-read-write-token"), ("helpdesk_slack_bridge", "zis-mock-slack-bridge-token")] {
            var after: String?
            repeat {
                let query = after.map { [("page[after]", $0)] } ?? []
                let bytes = try service.listAllConnections(integration: integration, authorization: "Bearer \(token)", query: query).get()
                rendered += text(bytes)
                let page = try ListBody(bytes)
                after = page.hasMore ? page.after : nil
            } while after != nil
        }
        #expect(rendered.contains("\"*****\""))
        for secret in secrets {
            #expect(!rendered.contains(secret), "secret \(secret) leaked")
        }
    }
}
