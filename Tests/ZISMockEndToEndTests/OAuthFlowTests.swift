import Foundation
import Testing

/// OAuth clients and OAuth connections over HTTP (spec §5).
@Suite("End to end: OAuth clients and connections")
struct OAuthFlowTests {
    static let seededClientUUID = "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b"
    static let seededClient = #"{"auth_url":"https://login.salesforce.com/services/oauth2/authorize","client_id":"3MVG9acmeCRMsyncClientId","client_secret":"*****","created_at":"2024-01-10T08:00:00Z","created_by":"1903001234567","default_scopes":"api refresh_token","grant_type":"authorization_code","integration":"acme_crm_sync","name":"salesforce_oauth_client","token_url":"https://login.salesforce.com/services/oauth2/token","updated_at":"2024-01-12T08:00:00Z","uuid":"9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b"}"#

    @Test func clientLifecycle() throws {
        let clock = TestClock()
        try withServer(clock: clock) { server in
            let secrets = CreatedSecrets()
            secrets.add("client-secret-one-55aa")
            secrets.add("client-secret-two-66bb")
            let client = try CRUDClient(server, secrets: secrets)

            let listed = try client.send("GET", Paths.clients())
            #expect(listed.status == 200)
            #expect(listed.text == #"{"clients":[\#(Self.seededClient)]}"#)
            #expect(try client.send("GET", Paths.clients(Seeded.emptyIntegration), authorization: "Bearer \(Seeded.emptyToken)").text == #"{"clients":[]}"#)

            let created = try client.send("POST", Paths.clients(), json: #"""
                {"name":"github_client","client_id":"gh-id","client_secret":"client-secret-one-55aa",
                 "auth_url":"https://github.com/login/oauth/authorize","token_url":"https://github.com/login/oauth/access_token",
                 "default_scopes":"repo","grant_type":"authorization_code"}
                """#)
            #expect(created.status == 201)
            let uuid = try #require(try created.json()["uuid"] as? String)
            #expect(uuid.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
            let newClient = #"{"auth_url":"https://github.com/login/oauth/authorize","client_id":"gh-id","client_secret":"*****","created_at":"2024-01-15T09:00:00Z","created_by":"","default_scopes":"repo","grant_type":"authorization_code","integration":"acme_crm_sync","name":"github_client","token_url":"https://github.com/login/oauth/access_token","updated_at":"2024-01-15T09:00:00Z","uuid":"\#(uuid)"}"#
            #expect(try client.send("GET", Paths.clients()).text == #"{"clients":[\#(Self.seededClient),\#(newClient)]}"#)

            let patched = try client.send("PATCH", Paths.clients(uuid: uuid), json: #"{"client_secret":"client-secret-two-66bb","default_scopes":"repo user","grant_type":"client_credentials"}"#)
            #expect(patched.status == 200)
            #expect(patched.text == #"{"client":{"auth_url":"https://github.com/login/oauth/authorize","client_id":"gh-id","client_secret":"*****","created_at":"2024-01-15T09:00:00Z","created_by":"","default_scopes":"repo user","grant_type":"client_credentials","integration":"acme_crm_sync","name":"github_client","token_url":"https://github.com/login/oauth/access_token","updated_at":"2024-01-15T09:00:00Z","uuid":"\#(uuid)"}}"#)

            // PUT is not supported [field]; the Allow header says what is.
            let put = try client.send("PUT", Paths.clients(uuid: uuid), json: "{}")
            #expect(put.status == 405)
            #expect(put.header("Allow") == "PATCH, DELETE")
            #expect(try client.send("PUT", Paths.clients(), json: "{}").status == 405)

            #expect(try client.send("DELETE", Paths.clients(uuid: uuid)).status == 204)
            #expect(try client.send("DELETE", Paths.clients(uuid: uuid)).status == 404)
            #expect(try client.send("PATCH", Paths.clients(uuid: uuid), json: #"{"client_id":"x"}"#).status == 404)
            #expect(try client.send("GET", Paths.clients()).text == #"{"clients":[\#(Self.seededClient)]}"#)
        }
    }

    @Test(arguments: [
        (#"{"name":"","client_id":"i","client_secret":"s","token_url":"https://t.example.com/token"}"#, 400, "name must not be empty"),
        (#"{"name":"c_one","client_secret":"s","token_url":"https://t.example.com/token"}"#, 400, "client_id is required"),
        (#"{"name":"c_one","client_id":"i","token_url":"https://t.example.com/token"}"#, 400, "client_secret is required"),
        (#"{"name":"c_one","client_id":"i","client_secret":"s"}"#, 400, "token_url is required"),
        (#"{"name":"c_one","client_id":"i","client_secret":"s","token_url":"ftp://t.example.com"}"#, 400, "token_url must be an absolute http or https URL"),
        (#"{"name":"c_one","client_id":"i","client_secret":"s","token_url":"https://"}"#, 400, "token_url must be an absolute http or https URL"),
        (#"{"name":"c_one","client_id":"i","client_secret":"s","token_url":"HTtp://[Nl"}"#, 400, "token_url must be an absolute http or https URL"),
        (#"{"name":"c_one","client_id":"i","client_secret":"s","token_url":"https://t.example.com:99x/token"}"#, 400, "token_url must be an absolute http or https URL"),
        (#"{"name":"c_one","client_id":"i","client_secret":"s","token_url":"https://t.example.com/{token}"}"#, 400, "token_url must be an absolute http or https URL"),
        (#"{"name":"c_one","client_id":"i","client_secret":"s","token_url":"https://t.example.com/a[1]"}"#, 400, "token_url must be an absolute http or https URL"),
        (#"{"name":"c_one","client_id":"i","client_secret":"s","token_url":"https://t.example.com/token","grant_type":"password"}"#, 400, "grant_type must be authorization_code or client_credentials"),
        (#"{"name":"c_one","client_id":7,"client_secret":"s","token_url":"https://t.example.com/token"}"#, 400, "client_id must be a string, found a number"),
        (#"{"name":"c one","client_id":"i","client_secret":"s","token_url":"https://t.example.com/token"}"#, 400, "name must be 3-64 characters of A-Z a-z 0-9 _ -"),
        (#"{"name":"salesforce_oauth_client","client_id":"i","client_secret":"s","token_url":"https://t.example.com/token"}"#, 409, "An OAuth client named salesforce_oauth_client already exists"),
        (#"{"name":"c_one""#, 400, "Malformed JSON at 1:16: unexpected end of input, expected ',' or '}'"),
    ])
    func clientValidation(body: String, status: Int, detail: String) throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let response = try client.send("POST", Paths.clients(), json: body)
            #expect(response.status == status)
            #expect(response.errorDetail == detail)
            #expect(try client.send("GET", Paths.clients()).text == #"{"clients":[\#(Self.seededClient)]}"#)
            #expect(try client.send("POST", Paths.clients(), json: "{}", contentType: "text/plain").status == 415)
            let rename = try client.send("PATCH", Paths.clients(uuid: Self.seededClientUUID), json: #"{"grant_type":"implicit"}"#)
            #expect(rename.status == 400)
        }
    }

    /// authorization_code: start → redirect_url, the provider's page on the request's Host →
    /// Allow → ZIS's callback with the code → the connection, and a 302 to origin_oauth_redirect_url.
    @Test func authorizationCodeFlow() throws {
        let clock = TestClock()
        try withServer(clock: clock) { server in
            let client = try CRUDClient(server)
            let started = try client.send("POST", Paths.start(), json: #"""
                {"name":"aaa_oauth_conn","oauth_client_name":"salesforce_oauth_client","permission_scopes":"api refresh_token",
                 "oauth_url_subdomain":"acme","origin_oauth_redirect_url":"https://acme.zendesk.com/admin/done?x=1"}
                """#, host: "acme.zendesk.com")
            #expect(started.status == 200)
            let redirect = try #require(try started.json()["redirect_url"] as? String)
            #expect(redirect.hasPrefix("http://acme.zendesk.com/__admin/oauth-provider/authorize?response_type=code&client_id=3MVG9acmeCRMsyncClientId&redirect_uri=http%3A%2F%2Facme.zendesk.com%2Fapi%2Fservices%2Fzis%2Fconnections%2Foauth%2Fcallback&scope=api%20refresh_token&state="))
            #expect(!redirect.contains("127.0.0.1"))
            // Not created until the flow completes.
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=aaa_oauth_conn")).status == 404)

            // The provider's Allow sends the browser to ZIS's callback with a code and the state.
            let callback = try OAuthJourney.decide(client, redirectURL: redirect)
            #expect(callback.hasPrefix("http://acme.zendesk.com/api/services/zis/connections/oauth/callback?code=mock_code_"))
            let completed = try client.send("GET", OAuthJourney.path(callback), authorization: nil)
            #expect(completed.status == 302)
            let location = try #require(completed.header("Location"))
            #expect(location.wholeMatch(of: /https:\/\/acme\.zendesk\.com\/admin\/done\?x=1&verification_token=[0-9a-f]{32}/) != nil)
            // Single use.
            let again = try client.send("GET", OAuthJourney.path(callback), authorization: nil)
            #expect(again.status == 400)
            #expect(again.errorDetail == "state is unknown or has already been used")

            let shown = try client.send("GET", Paths.oauthConnection(query: "name=aaa_oauth_conn"))
            #expect(shown.status == 200)
            let item = try shown.json()
            let accessToken = try #require(item["access_token"] as? String)
            let refreshToken = try #require(item["refresh_token"] as? String)
            let uuid = try #require(item["uuid"] as? String)
            #expect(accessToken.wholeMatch(of: /oauth_at_[0-9a-f]{32}/) != nil)
            #expect(refreshToken.wholeMatch(of: /oauth_rt_[0-9a-f]{32}/) != nil)
            #expect(uuid.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
            #expect(item["permission_scope"] as? String == "api refresh_token")
            #expect(item["oauth_url_subdomain"] as? String == "acme")
            #expect(item["oauth_client_uuid"] as? String == Self.seededClientUUID)
            #expect(item["token_type"] as? String == "bearer")
            #expect(item["token_expiry"] as? String == "2024-01-15T10:00:00Z")
            #expect(item["name"] as? String == "aaa_oauth_conn")
            #expect(item["oauth_access_token_response_body"] as? String == #"{"access_token":"\#(accessToken)","token_type":"bearer","expires_in":3600,"refresh_token":"\#(refreshToken)","scope":"api refresh_token"}"#)
            // Keys in alphabetical order, as every ZIS object.
            #expect(shown.text.hasPrefix(#"{"access_token":"\#(accessToken)","created_by":"","integration":"acme_crm_sync","name":"aaa_oauth_conn","oauth_access_token_response_body":"#))
            #expect(shown.text.hasSuffix(#","oauth_client_uuid":"\#(Self.seededClientUUID)","oauth_url_subdomain":"acme","permission_scope":"api refresh_token","refresh_token":"\#(refreshToken)","token_expiry":"2024-01-15T10:00:00Z","token_type":"bearer","uuid":"\#(uuid)","zendesk_account_id":10000001}"#))
            #expect(try client.send("GET", Paths.oauthConnection(query: "uuid=\(uuid)")).text == shown.text)

            // In the list, in name order, immediately.
            let list = try client.send("GET", Seeded.listPath(query: "page[size]=1")).json()
            #expect((list["oauth"] as? [[String: Any]])?.first?["name"] as? String == "aaa_oauth_conn")

            // Minted values differ from flow to flow; without an origin the callback answers the connection.
            let second = try client.send("POST", Paths.start(), json: #"{"name":"aab_oauth_conn","oauth_client_uuid":"\#(Self.seededClientUUID)"}"#)
            let secondURL = try #require(try second.json()["redirect_url"] as? String)
            #expect(secondURL != redirect)
            let secondDone = try OAuthJourney.approve(client, redirectURL: secondURL)
            #expect(secondDone.status == 200)
            let secondItem = try secondDone.json()
            #expect(secondItem["access_token"] as? String != accessToken)
            #expect(secondItem["uuid"] as? String != uuid)
            // permission_scopes left out: the client's default scopes.
            #expect(secondItem["permission_scope"] as? String == "api refresh_token")

            #expect(try client.send("DELETE", Paths.oauthConnection(query: "uuid=\(uuid)")).status == 204)
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=aaa_oauth_conn")).status == 404)
            #expect(try client.send("DELETE", Paths.oauthConnection(query: "name=aab_oauth_conn")).status == 204)
            #expect(try client.send("DELETE", Paths.oauthConnection(query: "name=aab_oauth_conn")).status == 404)
            #expect(try walkAllNames(client).count == Seeded.connectionCount)
        }
    }

    @Test(arguments: [
        (#"{"name":"","oauth_client_name":"salesforce_oauth_client"}"#, 400, "name must not be empty"),
        (#"{"oauth_client_name":"salesforce_oauth_client","allow_offline_access":1}"#, 400, "allow_offline_access must be a boolean, found a number"),
        (#"{"name":"x","oauth_client_name":"salesforce_oauth_client"}"#, 400, "name must be 3-64 characters of A-Z a-z 0-9 _ -"),
        (#"{"name":"new_conn"}"#, 400, "oauth_client_name or oauth_client_uuid is required"),
        (#"{"name":"new_conn","oauth_client_name":"nope_client"}"#, 404, "OAuth client nope_client does not exist"),
        (#"{"name":"new_conn","oauth_client_uuid":"00000000-0000-4000-8000-000000000000"}"#, 404, "OAuth client 00000000-0000-4000-8000-000000000000 does not exist"),
        (#"{"name":"new_conn","oauth_client_name":"salesforce_oauth_client","grant_type":"implicit"}"#, 400, "grant_type must be authorization_code or client_credentials"),
        (#"{"name":"new_conn","oauth_client_name":"salesforce_oauth_client","permission_scopes":["a"]}"#, 400, "permission_scopes must be a string, found an array"),
        (#"{"name":"new_conn","oauth_client_name":"salesforce_oauth_client","origin_oauth_redirect_url":"javascript:alert(1)"}"#, 400, "origin_oauth_redirect_url must be an absolute http or https URL"),
        (#"{"name":"new_conn","oauth_client_name":"salesforce_oauth_client","origin_oauth_redirect_url":"https://a.example.com/\r\nSet-Cookie: x=1"}"#, 400, "origin_oauth_redirect_url must be an absolute http or https URL"),
        (#"{"name":"salesforce_prod","oauth_client_name":"salesforce_oauth_client"}"#, 409, "A connection named salesforce_prod already exists"),
        (#"{"name":"new_conn","oauth_client_name":"salesforce_oauth_client","extra":1}"#, 400, "Unknown field extra (expected one of: name, oauth_client_name, oauth_client_uuid, permission_scopes, oauth_url_subdomain, origin_oauth_redirect_url, grant_type, allow_offline_access)"),
    ])
    func startValidation(body: String, status: Int, detail: String) throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let response = try client.send("POST", Paths.start(), json: body)
            #expect(response.status == status)
            #expect(response.errorDetail == detail)
        }
    }

    @Test func startRefusesAHostThatCannotBeAURLAuthority() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let response = try client.send(
                "POST", Paths.start(), json: #"{"name":"new_conn","oauth_client_name":"salesforce_oauth_client"}"#, host: "evil.example.com/path?")
            #expect(response.status == 400)
            #expect(response.errorDetail == "Host header is not a valid host name")
        }
    }

    @Test func showAndDeleteFindOnlyOAuthConnections() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let seeded = try client.send("GET", Paths.oauthConnection(query: "name=github_prod"))
            #expect(seeded.status == 200)
            #expect(seeded.text.hasPrefix(#"{"access_token":"oauth_at_b383351548fcbe6257169e9a8e4b81b9","created_by":"1903001234567","integration":"acme_crm_sync","name":"github_prod""#))
            #expect(try client.send("GET", Paths.oauthConnection(query: "uuid=5f0c7a4e-0006-4b1d-9c2e-00000000b99a")).text == seeded.text)
            for query in ["name=salesforce_prod", "name=no_such", "uuid=nope"] {
                #expect(try client.send("GET", Paths.oauthConnection(query: query)).status == 404)
                #expect(try client.send("DELETE", Paths.oauthConnection(query: query)).status == 404)
            }
            #expect(try client.send("GET", Paths.typed("api_key", "salesforce_prod")).status == 200)
            let missing = try client.send("GET", "/api/services/zis/connections/\(Seeded.integration)")
            #expect(missing.status == 400)
            #expect(missing.errorDetail == "name or uuid is required")
            let callback = try client.send("GET", "/api/services/zis/connections/oauth/callback", authorization: nil)
            #expect(callback.status == 400)
            #expect(callback.errorDetail == "state is required")
        }
    }

    /// Spec §2 on every bearer-authenticated OAuth endpoint.
    @Test func everyOAuthEndpointAuthenticates() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let calls: [(String, String, String?)] = [
                ("GET", Paths.clients(), nil),
                ("POST", Paths.clients(), #"{"name":"probe_client","client_id":"i","client_secret":"s","token_url":"https://t.example.com"}"#),
                ("PATCH", Paths.clients(uuid: Self.seededClientUUID), #"{"client_id":"changed"}"#),
                ("DELETE", Paths.clients(uuid: Self.seededClientUUID), nil),
                ("POST", Paths.start(), #"{"name":"probe_conn","oauth_client_name":"salesforce_oauth_client"}"#),
                ("GET", Paths.oauthConnection(query: "name=github_prod"), nil),
                ("DELETE", Paths.oauthConnection(query: "name=github_prod"), nil),
            ]
            for (method, path, body) in calls {
                try expectAuthTable(client, method, path, body: body)
                let otherPath = path.replacingOccurrences(of: Seeded.integration, with: "no_such_integration")
                let missing = try client.send(method, otherPath, json: body)
                #expect(missing.status == 401)
                #expect(missing.text == errorBody("InvalidCredentials", "Authorization failed due to integration mismatch"))
            }
            #expect(try client.send("GET", Paths.clients()).text == #"{"clients":[\#(Self.seededClient)]}"#)
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=github_prod")).status == 200)
        }
    }
}
