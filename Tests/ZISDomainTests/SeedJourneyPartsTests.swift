import Testing
@testable import ZISDomain

/// The seed's parts for the set-up journey (issue 15): admins, registrations and token expiries
/// load, export and load back unchanged; their secrets are masked in a masked export; their
/// errors name file, line, path and rule like every seed error.
@Suite struct SeedJourneyPartsTests {
    static let document = #"""
        {"integrations": [
          {"name": "acme", "tokens": [{"token": "acme-expiring-token", "scopes": ["read"], "expires_at": "2030-01-02T03:04:05Z"}],
           "registration": {"description": "CRM sync", "jwt_public_key": "-----BEGIN PUBLIC KEY-----",
                            "zendesk_oauth_client": {"id": 4242, "secret": "client-secret-value"}}}
        ],
         "admins": [{"email": "a@example.com", "password": "pw-value", "api_token": "api-token-value",
                     "session": "session-value", "csrf_token": "csrf-value"}]}
        """#

    @Test func loadsExportsAndLoadsBack() throws {
        let seed = try SeedLoader.parse(Array(Self.document.utf8), file: "journey.json")
        #expect(seed.admins == [AdminUser(email: "a@example.com", password: "pw-value", apiToken: "api-token-value", session: "session-value", csrfToken: "csrf-value")])
        let integration = try #require(seed.integrations.first)
        #expect(integration.tokens.first?.expiresAt == Timestamp.secondsSinceEpoch("2030-01-02T03:04:05Z"))
        #expect(integration.registration?.zendeskOAuthClient == ZendeskOAuthClient(id: 4242, identifier: "zis_acme", secret: "client-secret-value"))
        let exported = SeedWriter.json(seed, revealSecrets: true)
        #expect(try SeedLoader.parse(exported, file: "export") == seed)
        let masked = String(decoding: SeedWriter.json(seed, revealSecrets: false), as: UTF8.self)
        for secret in ["pw-value", "api-token-value", "session-value", "csrf-value", "client-secret-value", "acme-expiring-token"] {
            #expect(!masked.contains(secret), "\(secret) in a masked export")
        }
        #expect(masked.contains(#""email":"a@example.com""#) && masked.contains(#""expires_at":"2030-01-02T03:04:05Z""#))
    }

    @Test(arguments: [(String, String)]([
        (#"{"integrations": [], "admins": [{"password": "x"}]}"#, "admins[0].email: required field \"email\" is missing"),
        (#"{"integrations": [], "admins": [{"email": "a@x"}, {"email": "a@x"}]}"#, "admins[1].email: admin \"a@x\" is already defined"),
        (#"{"integrations": [{"name": "a", "tokens": [{"token": "tokentoken", "scopes": [], "expires_at": "soon"}]}]}"#,
         "integrations[0].tokens[0].expires_at: expires_at must be an RFC 3339"),
        (#"{"integrations": [{"name": "a", "registration": {"zendesk_oauth_client": {"id": "7", "secret": "s"}}}]}"#,
         "integrations[0].registration.zendesk_oauth_client.id: id must be a positive integer"),
    ]))
    func refusalsSayWhereAndWhy(document: String, expected: String) {
        expectSeedRefusal(document, expected)
    }
}
