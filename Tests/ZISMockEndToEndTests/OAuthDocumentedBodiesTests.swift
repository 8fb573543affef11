import Foundation
import Testing
import ZISMockFixtures

/// Issue 16, "Measured today": each bullet, with the bodies Zendesk's own OAuth pages print
/// (`ZendeskDocBodies`), against a fresh server on the default seed.
@Suite("End to end: OAuth as Zendesk documents it")
struct OAuthDocumentedBodiesTests {

    /// Bullet 1: the tutorial's Start OAuth Flow body, `allow_offline_access` and all, on a
    /// registered integration's built-in `zendesk` client.
    @Test func theTutorialStartBodyIsAccepted() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let registered = try OAuthJourney.register(client, "tutorial_app")
            let started = try client.send(
                "POST", Paths.start("tutorial_app"), json: ZendeskDocBodies.zendeskTokenTutorialStart,
                authorization: "Bearer \(registered.token)")
            #expect(started.status == 200)
            #expect((try started.json()["redirect_url"] as? String)?.hasPrefix("http://mysubdomain.zendesk.com/") == true)
            // A boolean, as documented; anything else, or a field no page lists, is still a 400.
            let notBoolean = try client.send(
                "POST", Paths.start(), json: #"{"oauth_client_name":"salesforce_oauth_client","allow_offline_access":"yes"}"#)
            #expect(notBoolean.status == 400)
            #expect(notBoolean.errorDetail == "allow_offline_access must be a boolean, found a string")
            let unknown = try client.send("POST", Paths.start(), json: #"{"oauth_client_name":"salesforce_oauth_client","offline":true}"#)
            #expect(unknown.status == 400)
            #expect(unknown.errorDetail?.hasPrefix("Unknown field offline (expected one of: name, ") == true)
        }
    }

    /// Bullet 2: the "Managing third-party OAuth tokens" bodies have no `name`, for the client
    /// (then named by its uuid) or the flow (then the connection takes the client's name).
    @Test func nameIsOptionalOnClientAndStart() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let body = ZendeskDocBodies.filled(
                ZendeskDocBodies.thirdPartyCreateClient,
                ["auth_url": "https://provider.example.com/oauth/authorize", "token_url": "https://provider.example.com/oauth/token"])
            let created = try client.send("POST", Paths.clients(), json: body)
            #expect(created.status == 201)
            let uuid = try #require(try created.json()["uuid"] as? String)
            let listed = try #require(try client.send("GET", Paths.clients()).json()["clients"] as? [[String: Any]])
            #expect(listed.last?["name"] as? String == uuid)

            let start = ZendeskDocBodies.filled(
                ZendeskDocBodies.thirdPartyStart,
                ["01cc6165-68cd-4031-89a2-dee345874f7c": uuid, "<SCOPES>": "read", "<YOUR_REDIRECT_ENDPOINT>": "https://app.example.com/done"])
            let started = try client.send("POST", Paths.start(), json: start)
            #expect(started.status == 200)
            let done = try OAuthJourney.approve(client, redirectURL: try #require(try started.json()["redirect_url"] as? String))
            #expect(done.status == 302)
            #expect(done.header("Location")?.hasPrefix("https://app.example.com/done?verification_token=") == true)
            let connection = try client.send("GET", Paths.oauthConnection(query: "name=\(uuid)")).json()
            #expect(connection["name"] as? String == uuid)
            #expect(connection["oauth_client_uuid"] as? String == uuid)
            // A second flow of the same client without a name would take the same one: 409.
            let again = try client.send("POST", Paths.start(), json: start)
            #expect(again.status == 409)
            #expect(again.errorDetail == "A connection named \(uuid) already exists")
        }
    }

    /// Bullet 3: `auth_url`/`token_url` with the subdomain placeholder that `oauth_url_subdomain` fills.
    @Test(arguments: ["{subdomain}", "{{subdomain}}"])
    func placeholderURLsAreAccepted(placeholder: String) throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let created = try client.send("POST", Paths.clients(), json: #"""
                {"name":"tenant_client","client_id":"id","client_secret":"s","auth_url":"https://\#(placeholder).provider.example.com/authorize",
                 "token_url":"https://\#(placeholder).provider.example.com/token"}
                """#)
            #expect(created.status == 201)
            let listed = try #require(try client.send("GET", Paths.clients()).json()["clients"] as? [[String: Any]])
            #expect(listed.last?["auth_url"] as? String == "https://\(placeholder).provider.example.com/authorize")
            // Filled with the flow's subdomain where the browser is sent.
            let started = try client.send(
                "POST", Paths.start(), json: #"{"name":"tenant_conn","oauth_client_name":"tenant_client","oauth_url_subdomain":"acme"}"#)
            let redirect = try #require(try started.json()["redirect_url"] as? String)
            let page = try client.send("GET", OAuthJourney.path(redirect), authorization: nil)
            #expect(page.text.contains("standing in for <code>https://acme.provider.example.com/authorize</code>"))
            // Still refused: a URL that is not one once filled.
            let bad = try client.send("POST", Paths.clients(), json: #"{"name":"bad_client","client_id":"i","client_secret":"s","token_url":"https://{tenant}.example.com"}"#)
            #expect(bad.status == 400)
            #expect(bad.errorDetail == "token_url must be an absolute http or https URL")
        }
    }

    /// Bullet 4: the client's documented fields, `created_at`, `created_by`, `integration`, `updated_at`.
    @Test func clientObjectsHaveTheDocumentedFields() throws {
        let clock = TestClock()
        try withServer(clock: clock) { server in
            let client = try CRUDClient(server)
            let seeded = try client.send("GET", Paths.clients()).text
            #expect(seeded == #"{"clients":[{"auth_url":"https://login.salesforce.com/services/oauth2/authorize","client_id":"3MVG9acmeCRMsyncClientId","client_secret":"*****","created_at":"2024-01-10T08:00:00Z","created_by":"1903001234567","default_scopes":"api refresh_token","grant_type":"authorization_code","integration":"acme_crm_sync","name":"salesforce_oauth_client","token_url":"https://login.salesforce.com/services/oauth2/token","updated_at":"2024-01-12T08:00:00Z","uuid":"9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b"}]}"#)
            let created = try client.send("POST", Paths.clients(), json: ZendeskDocBodies.slackTutorialClient)
            #expect(created.status == 201)
            let uuid = try #require(try created.json()["uuid"] as? String)
            clock.advance(by: 90)
            let patched = try client.send("PATCH", Paths.clients(uuid: uuid), json: #"{"default_scopes":"chat:write"}"#)
            #expect(patched.text == #"{"client":{"auth_url":"https://slack.com/oauth/v2/authorize","client_id":"{slack_client_id}","client_secret":"*****","created_at":"2024-01-15T09:00:00Z","created_by":"","default_scopes":"chat:write","grant_type":"authorization_code","integration":"acme_crm_sync","name":"slack","token_url":"https://slack.com/api/oauth.v2.access","updated_at":"2024-01-15T09:01:30Z","uuid":"\#(uuid)"}}"#)
        }
    }

    /// Bullet 4, `created_by`: the admin whose token created the client.
    @Test func createdByIsTheAdminBehindTheToken() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let registered = try OAuthJourney.register(client, "created_by_app")
            let created = try client.send(
                "POST", Paths.clients("created_by_app"), json: ZendeskDocBodies.slackTutorialClient, authorization: "Bearer \(registered.token)")
            #expect(created.status == 201)
            let listed = try #require(
                try client.send("GET", Paths.clients("created_by_app"), authorization: "Bearer \(registered.token)").json()["clients"]
                    as? [[String: Any]])
            #expect(listed.map { $0["name"] as? String } == ["zendesk", "slack"])
            #expect(listed.map { $0["created_by"] as? String } == ["", "1"])
            #expect(listed.allSatisfy { ($0["created_at"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil })
        }
    }

    /// Bullet 5: show answers the bare object in the OAuth Connections JSON format; the list's
    /// items keep their field set.
    @Test func showAnswersTheBareDocumentedObject() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let shown = try client.send("GET", Paths.oauthConnection(query: "name=github_prod"))
            #expect(shown.status == 200)
            #expect(shown.text == #"{"access_token":"oauth_at_b383351548fcbe6257169e9a8e4b81b9","created_by":"1903001234567","integration":"acme_crm_sync","name":"github_prod","oauth_access_token_response_body":"","oauth_client_uuid":"","oauth_url_subdomain":"acme","permission_scope":"read write","refresh_token":"oauth_rt_93af210233de67097f8c36251e360c84","token_expiry":"2024-02-14T15:07:06Z","token_type":"bearer","uuid":"5f0c7a4e-0006-4b1d-9c2e-00000000b99a","zendesk_account_id":10000001}"#)
            let listed = try client.send("GET", Seeded.listPath(query: "page[size]=100&page[after]=github_pr")).json()
            let item = try #require((listed["oauth"] as? [[String: Any]])?.first)
            #expect(item["name"] as? String == "github_prod")
            #expect(Set(item.keys) == [
                "access_token", "created_by", "name", "oauth_access_token_response_body", "oauth_url_subdomain", "permission_scope",
                "refresh_token", "token_expiry", "token_type", "uuid",
            ])
        }
    }

    /// Bullet 6: deleting a client deletes the connections its flows made [field]; others stay.
    @Test func deletingAClientDeletesItsConnections() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let uuid = try OAuthJourney.connect(client, name: "doomed_conn")
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=doomed_conn")).status == 200)
            #expect(try client.send("DELETE", Paths.clients(uuid: uuid)).status == 204)
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=doomed_conn")).status == 404)
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=github_prod")).status == 200)
            #expect(try walkAllNames(client).count == Seeded.connectionCount)
        }
    }

    /// Bullet 6, configurable: `--keep-oauth-connections` keeps them.
    @Test func keepingConnectionsOfADeletedClientIsAFlag() throws {
        try withServer(configure: { $0.keepsOAuthConnectionsOfDeletedClients = true }) { server in
            let client = try CRUDClient(server)
            let uuid = try OAuthJourney.connect(client, name: "kept_conn")
            #expect(try client.send("DELETE", Paths.clients(uuid: uuid)).status == 204)
            let kept = try client.send("GET", Paths.oauthConnection(query: "name=kept_conn"))
            #expect(kept.status == 200)
            #expect(try kept.json()["oauth_client_uuid"] as? String == uuid)
        }
    }
}
