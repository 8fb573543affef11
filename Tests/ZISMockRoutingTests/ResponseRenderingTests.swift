import Testing
import ZISDomain
import ZISMockFixtures
import ZISMockHTTP
@testable import ZISMockRouting

/// The bodies a client reads (spec §1, §3): field order, masks, the error envelope.
@Suite struct ResponseRenderingTests {
    @Test func rendersEachTypeWithSpecFieldOrderAndMaskedSecrets() {
        let mock = RoutingFixture(connections: [
            Fixture.connection("one_api_key", type: .apiKey, secret: "k-secret"),
            Fixture.connection("two_basic", type: .basicAuth, secret: "p-secret"),
            Fixture.connection("three_bearer", type: .bearerToken, secret: "t-secret"),
            Connection(
                name: "four_oauth", createdAt: Fixture.stamp, updatedAt: Fixture.stamp,
                payload: .oauth(
                    OAuthConnectionFields(
                        accessToken: "at", createdBy: "1", oauthAccessTokenResponseBody: "{\"x\":1}", oauthURLSubdomain: "acme",
                        permissionScope: "read", refreshToken: "rt", tokenExpiry: "2025-01-01T00:00:00Z", uuid: "u-1"))),
        ])
        let body = mock.responder.respond(to: .mock("GET", RoutingFixture.list, token: Fixture.token)).text
        let stamp = Fixture.stamp
        let expected =
            #"{"api_key":[{"allowed_domain":"api.example.com","api_key":"*****","created_at":"\#(stamp)","header_name":"X-Api-Key","name":"one_api_key","updated_at":"\#(stamp)"}],"#
            + #""basic_auth":[{"allowed_domain":"api.example.com","created_at":"\#(stamp)","name":"two_basic","password":"*****","updated_at":"\#(stamp)","username":"bot"}],"#
            + #""bearer_token":[{"allowed_domain":"api.example.com","created_at":"\#(stamp)","name":"three_bearer","token":"*****","updated_at":"\#(stamp)"}],"#
            + #""oauth":[{"access_token":"at","created_by":"1","name":"four_oauth","oauth_access_token_response_body":"{\"x\":1}","oauth_url_subdomain":"acme","permission_scope":"read","refresh_token":"rt","token_expiry":"2025-01-01T00:00:00Z","token_type":"bearer","uuid":"u-1"}],"#
            + #""meta":{"after":"two_basic","before":"four_oauth","has_more":false}}"#
        #expect(body == expected)
    }

    @Test func noSeededSecretEverAppearsInTheDefaultSeedPages() throws {
        let seed = SeedLoader.defaultSeed
        let mock = RoutingFixture(seed: seed)
        let secrets = seed.integrations.flatMap(\.connections).compactMap { connection -> String? in
            ConnectionSchema.of(connection.type).fields.first(where: \.isSecret)?.value(connection.payload)
        }
        #expect(secrets.count > 200)
        var rendered = ""
        for (integration, token) in [("acme_crm_sync", "zis-mock-read-write-token"), ("helpdesk_slack_bridge", "zis-mock-slack-bridge-token")] {
            var after: String?
            repeat {
                let query = after.map { "?page[after]=\($0)" } ?? ""
                let body = mock.responder.respond(to: .mock("GET", "/api/services/zis/integrations/\(integration)/connections/all\(query)", token: token)).text
                rendered += body
                after = body.contains(#""has_more":true"#) ? try #require(body.firstMatch(of: /"after":"([^"]+)"/)).output.1.description : nil
            } while after != nil
        }
        #expect(rendered.contains("\"*****\""))
        for secret in secrets {
            #expect(!rendered.contains(secret), "secret \(secret) leaked")
        }
    }

    @Test func errorsRenderDetailAfterTitleOnlyWhenPresent() {
        #expect(HTTPResponse(ZISError.notFound()).text == #"{"errors":[{"code":"NotFound","title":"Not Found"}]}"#)
        #expect(
            HTTPResponse(ZISError.badRequest(detail: "name \"x\" is invalid")).text
                == #"{"errors":[{"code":"BadRequest","title":"Bad Request","detail":"name \"x\" is invalid"}]}"#)
        #expect(
            HTTPResponse(ZISError.invalidPagination(parameter: "page[after]")).text
                == #"{"errors":[{"code":"InvalidPaginationParameter","title":"page[after] is not valid"}]}"#)
    }

    @Test func errorsCarryTheirHeaders() {
        let limited = HTTPResponse(ZISError.tooManyRequests(retryAfterSeconds: 7))
        #expect(limited.status == 429)
        #expect(limited.headers.contains { $0 == ("Retry-After", "7") })
        #expect(HTTPResponse(ZISError.methodNotAllowed(allow: ["GET", "POST"])).headers.contains { $0 == ("Allow", "GET, POST") })
    }

    @Test(arguments: [
        ("application/json", true), ("application/json; charset=utf-8", true), ("Application/JSON ;charset=UTF-8", true),
        (" application/json ", true), ("text/plain", false), ("application/json-patch+json", false), ("", false),
    ])
    func jsonMediaTypes(contentType: String, accepted: Bool) {
        #expect(JSONRequestBody.isJSONMediaType(contentType) == accepted)
        #expect(!JSONRequestBody.isJSONMediaType(nil))
    }
}
