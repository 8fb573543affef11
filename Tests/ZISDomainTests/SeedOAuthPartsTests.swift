import Testing
@testable import ZISDomain

/// The seed's OAuth parts of issue 16: a client's `created_at`, `updated_at` and `created_by`, an
/// OAuth connection's `oauth_client_uuid`, load, export and load back unchanged.
@Suite struct SeedOAuthPartsTests {
    static let document = #"""
        {"integrations": [
          {"name": "acme",
           "connections": {"oauth": [{"name": "made_by_flow", "access_token": "at", "oauth_client_uuid": "client-uuid-1"}]},
           "oauth_clients": [{"name": "slack", "client_id": "id", "client_secret": "s", "token_url": "https://slack.com/api/oauth.v2.access",
                              "uuid": "client-uuid-1", "created_at": "2024-01-10T08:00:00Z", "updated_at": "2024-01-12T08:00:00Z",
                              "created_by": "7"}]}
        ],
         "zendesk_account_id": 4321}
        """#

    @Test func loadsExportsAndLoadsBack() throws {
        let seed = try SeedLoader.parse(Array(Self.document.utf8), file: "oauth.json")
        let integration = try #require(seed.integrations.first)
        let client = try #require(integration.oauthClients.first)
        #expect((client.createdAt, client.updatedAt, client.createdBy) == ("2024-01-10T08:00:00Z", "2024-01-12T08:00:00Z", "7"))
        guard case .oauth(let fields) = integration.connections.first?.payload else {
            Issue.record("not an OAuth connection")
            return
        }
        #expect(fields.oauthClientUUID == "client-uuid-1")
        #expect(seed.zendeskAccountID == 4321)
        #expect(ZISService(seed: seed).zendeskAccountID == 4321)
        #expect(ZISService(seed: Seed()).zendeskAccountID == Seed.defaultZendeskAccountID)
        // Compared as exports: an OAuth connection's seed has no timestamps, so each load stamps
        // its own (invisible) load time, and a slow run (the sanitizers) crosses a second.
        let export = SeedWriter.json(seed, revealSecrets: true)
        #expect(SeedWriter.json(try SeedLoader.parse(export, file: "export"), revealSecrets: true) == export)
    }

    @Test(arguments: [(String, String)]([
        (#"{"integrations": [{"name": "a", "oauth_clients": [{"name": "abc", "created_at": "yesterday"}]}]}"#,
         "integrations[0].oauth_clients[0].created_at: created_at must be an RFC 3339"),
        (#"{"integrations": [], "zendesk_account_id": "12"}"#, "zendesk_account_id: zendesk_account_id must be a positive integer"),
    ]))
    func refusalsSayWhereAndWhy(document: String, expected: String) {
        expectSeedRefusal(document, expected)
    }
}
