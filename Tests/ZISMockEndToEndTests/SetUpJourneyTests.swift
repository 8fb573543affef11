import Foundation
import Testing
import ZISMock

/// Issue 15: what Zendesk's ZIS tutorials and public set-up workflows do before the first
/// connection, against a fresh server on the default seed, over real sockets: register the
/// integration, find its client, mint a token each documented way, use it, let it expire, refresh.
@Suite("End to end: the ZIS set-up journey")
struct SetUpJourneyTests {
    static let admin = "admin@example.com"
    static let apiTokenAuth = basic("\(admin)/token:zis-mock-admin-api-token")
    static let passwordAuth = basic("\(admin):zis-mock-admin-password")
    static let redirect = "https://oauth.pstmn.io/v1/callback"

    static func basic(_ credentials: String) -> String { "Basic " + Data(credentials.utf8).base64EncodedString() }

    @Test func registerMintUseExpireRefresh() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            // 1. Register, as an admin with an API token.
            let registered = try client.send(
                "POST", "/api/services/zis/registry/my_integration", json: #"{"description":"My first integration"}"#,
                authorization: Self.apiTokenAuth)
            #expect(registered.status == 200)
            let registration = try registered.json()
            #expect(registration["description"] as? String == "My first integration")
            #expect((registration["jwt_public_key"] as? String)?.hasPrefix("-----BEGIN PUBLIC KEY-----") == true)
            let oauthClient = try #require(registration["zendesk_oauth_client"] as? [String: Any])
            #expect(oauthClient["identifier"] as? String == "zis_my_integration")
            let secret = try #require(oauthClient["secret"] as? String)
            let clientID = try #require(oauthClient["id"] as? Int)

            // 2. The client, as the tutorials look it up, and the built-in `zendesk` ZIS OAuth client.
            let clients = try client.send("GET", "/api/v2/oauth/clients", authorization: Self.passwordAuth).json()
            let listed = try #require(clients["clients"] as? [[String: Any]])
            #expect(listed.contains { $0["id"] as? Int == clientID && $0["identifier"] as? String == "zis_my_integration" })
            #expect(!String(decoding: try client.send("GET", "/api/v2/oauth/clients", authorization: Self.passwordAuth).body, as: UTF8.self).contains(secret))

            // 3a. client_credentials, form-encoded with the client in the body: no expiry, no refresh token [doc].
            let form = "grant_type=client_credentials&client_id=zis_my_integration&client_secret=\(secret)&scope=read+write"
            let issued = try client.send("POST", "/oauth/tokens", json: form, contentType: "application/x-www-form-urlencoded", authorization: nil)
            #expect(issued.status == 201)
            #expect(issued.header("Cache-Control") == "no-store")
            let token = try issued.json()
            #expect(token["token_type"] as? String == "bearer")
            #expect(token["scope"] as? String == "read write")
            #expect(token["expires_in"] == nil && token["refresh_token"] == nil)
            let lasting = try #require(token["access_token"] as? String)

            // 3a'. The authorization code grant (Postman's helper; the consent page is a test of its
            // own), asking for an hour: a refresh token comes with it.
            let code = try Self.consent(client)
            let exchanged = try client.send(
                "POST", "/oauth/tokens", json: "grant_type=authorization_code&code=\(code)&redirect_uri=\(Self.redirect)&expires_in=3600",
                contentType: "application/x-www-form-urlencoded", authorization: Self.basic("zis_my_integration:\(secret)"))
            #expect(exchanged.status == 201)
            let expiring = try exchanged.json()
            #expect(expiring["expires_in"] as? Int == 3600)
            #expect(expiring["refresh_token_expires_in"] as? Int == 2_592_000)
            let accessToken = try #require(expiring["access_token"] as? String)
            let refreshToken = try #require(expiring["refresh_token"] as? String)

            // 3b. client_credentials as JSON, the client in a Basic header.
            let jsonIssued = try client.send(
                "POST", "/oauth/tokens", json: #"{"grant_type":"client_credentials","scope":"read write"}"#,
                authorization: Self.basic("zis_my_integration:\(secret)"))
            #expect(jsonIssued.status == 201)

            // 3c. The admin API.
            let minted = try client.send(
                "POST", "/api/v2/oauth/tokens", json: #"{"token":{"client_id":\#(clientID),"scopes":["read","write"]}}"#,
                authorization: Self.passwordAuth)
            #expect(minted.status == 201)
            let fullToken = try #require((try minted.json()["token"] as? [String: Any])?["full_token"] as? String)

            // 4. Use them on the Connections API.
            let bearer = "Bearer \(accessToken)"
            let created = try client.send(
                "POST", "/api/services/zis/integrations/my_integration/connections/bearer_token",
                json: #"{"name":"crm","allowed_domain":"api.example.com","token":"crm-secret-value"}"#, authorization: bearer)
            #expect(created.status == 201)
            let listPath = Seeded.listPath("my_integration")
            #expect(try client.send("GET", listPath, authorization: bearer).status == 200)
            #expect(try client.send("GET", listPath, authorization: "Bearer \(fullToken)").status == 200)
            #expect(try client.send("GET", listPath, authorization: "Bearer \(lasting)").status == 200)
            let zisClients = try client.send("GET", "/api/services/zis/connections/oauth/clients/my_integration", authorization: bearer)
            #expect(String(decoding: zisClients.body, as: UTF8.self).contains(#""name":"zendesk""#))

            // 5. Time passes (the admin clock): the token is refused like an unknown one.
            let moved = try client.send("POST", "/__admin/clock", json: #"{"advance_seconds":3600}"#, authorization: nil)
            #expect(moved.status == 200)
            let expired = try client.send("GET", listPath, authorization: bearer)
            #expect(expired.status == 401)
            #expect(String(decoding: expired.body, as: UTF8.self) == errorBody("InvalidCredentials", "Authentication failed"))
            #expect(try client.send("GET", listPath, authorization: "Bearer \(lasting)").status == 200, "a token without expiry lasts")

            // 6. Refresh, and list again; a refresh token works once.
            let refreshForm = "grant_type=refresh_token&refresh_token=\(refreshToken)&client_id=zis_my_integration&client_secret=\(secret)"
            let refreshed = try client.send("POST", "/oauth/tokens", json: refreshForm, contentType: "application/x-www-form-urlencoded", authorization: nil)
            #expect(refreshed.status == 201)
            let renewed = try #require(try refreshed.json()["access_token"] as? String)
            #expect(try client.send("GET", listPath, authorization: "Bearer \(renewed)").status == 200)
            let again = try client.send("POST", "/oauth/tokens", json: refreshForm, contentType: "application/x-www-form-urlencoded", authorization: nil)
            #expect(again.status == 400)
            #expect(try again.json()["error"] as? String == "invalid_grant")

            // Nothing secret in the journal: codes, tokens, secrets and credentials are masked.
            let journal = String(decoding: try client.send("GET", "/__admin/requests", authorization: nil).body, as: UTF8.self)
            for value in [secret, accessToken, refreshToken, renewed, fullToken, lasting, code, "crm-secret-value"] {
                #expect(!journal.contains(value), "the journal holds \(value.prefix(12))…")
            }
        }
    }

    /// Allow on the consent page, as a browser would post it; returns the code.
    static func consent(_ client: CRUDClient, state: String = "s-42") throws -> String {
        let answer = "client_id=zis_my_integration&redirect_uri=\(redirect)&scope=read+write&state=\(state)&decision=allow"
        let allowed = try client.send("POST", "/oauth/authorizations", json: answer, contentType: "application/x-www-form-urlencoded", authorization: nil)
        let location = try #require(allowed.header("Location"))
        return try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
    }

    /// Postman's Authorization Code helper: the consent page, Allow, the code for a token.
    @Test func authorizationCodeThroughTheConsentPage() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let secret = try #require(
                (try server.control.service.registerIntegration("my_integration", description: "", accountURL: server.baseURL))
                    .zendeskOAuthClient.secret as String?)
            let query = "response_type=code&client_id=zis_my_integration&redirect_uri=\(Self.redirect)&scope=read%20write&state=s-42"
            let page = try client.send("GET", "/oauth/authorizations/new?\(query)", authorization: nil)
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            let html = String(decoding: page.body, as: UTF8.self)
            #expect(html.contains(#"value="allow""#) && html.contains(#"value="deny""#) && html.contains("zis_my_integration"))

            let answer = "client_id=zis_my_integration&redirect_uri=\(Self.redirect)&scope=read+write&state=s-42"
            let allowed = try client.send(
                "POST", "/oauth/authorizations", json: answer + "&decision=allow", contentType: "application/x-www-form-urlencoded",
                authorization: nil)
            #expect(allowed.status == 302)
            let location = try #require(allowed.header("Location"))
            #expect(location.hasPrefix(Self.redirect + "?code=") && location.hasSuffix("&state=s-42"))
            let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)

            let exchange = "grant_type=authorization_code&code=\(code)&redirect_uri=\(Self.redirect)"
            let wrongRedirect = try client.send(
                "POST", "/oauth/tokens", json: "grant_type=authorization_code&code=\(code)&redirect_uri=https://evil.example/cb",
                contentType: "application/x-www-form-urlencoded", authorization: Self.basic("zis_my_integration:\(secret)"))
            #expect(wrongRedirect.status == 400)  // and the code is spent
            let issued = try client.send(
                "POST", "/oauth/tokens", json: exchange, contentType: "application/x-www-form-urlencoded",
                authorization: Self.basic("zis_my_integration:\(secret)"))
            #expect(issued.status == 400)
            #expect(try issued.json()["error"] as? String == "invalid_grant")
            let fresh = try Self.consent(client)
            let good = try client.send(
                "POST", "/oauth/tokens", json: "grant_type=authorization_code&code=\(fresh)&redirect_uri=\(Self.redirect)",
                contentType: "application/x-www-form-urlencoded", authorization: Self.basic("zis_my_integration:\(secret)"))
            #expect(good.status == 201)
            #expect(try good.json()["refresh_token"] as? String != nil)

            let denied = try client.send(
                "POST", "/oauth/authorizations", json: answer + "&decision=deny", contentType: "application/x-www-form-urlencoded",
                authorization: nil)
            #expect(denied.header("Location") == Self.redirect + "?error=access_denied&error_description=The%20admin%20denied%20access&state=s-42")
        }
    }

    @Test func registryRefusals() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let path = "/api/services/zis/registry/my_integration"
            let unauthenticated = try client.send("POST", path, json: "{}", authorization: Self.basic("\(Self.admin):wrong"))
            #expect(unauthenticated.status == 401)
            #expect(try unauthenticated.json()["message"] as? String != nil)
            // A ZIS token is not an admin's.
            #expect(try client.send("POST", path, json: "{}").status == 401)
            #expect(try client.send("POST", "/api/services/zis/registry/My_Integration", json: "{}", authorization: Self.passwordAuth).status == 400)
            #expect(try client.send("POST", path, json: "{}", authorization: Self.passwordAuth).status == 200)
            let again = try client.send("POST", path, json: "{}", authorization: Self.passwordAuth)
            #expect(again.status == 409)
            let error = try #require((try again.json()["errors"] as? [[String: Any]])?.first)
            #expect(error["status"] as? String == "409" && error["code"] as? String != nil && error["detail"] as? String != nil)
            // A seeded integration exists already.
            #expect(try client.send("POST", "/api/services/zis/registry/\(Seeded.integration)", json: "{}", authorization: Self.passwordAuth).status == 409)
        }
    }

    /// "A Zendesk app can also authorize requests … using an admin's browser session" [doc]:
    /// the session cookie, with its CSRF token on requests that change state.
    @Test func browserSessions() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let cookie = "Cookie: _zendesk_session=zis-mock-admin-session"
            func send(_ method: String, _ path: String, json: String? = nil, csrf: String? = nil) throws -> HTTPTestResponse {
                var lines = ["\(method) \(path) HTTP/1.1", "Host: acme.zendesk.com", cookie]
                if let csrf { lines.append("X-CSRF-Token: \(csrf)") }
                if let json { lines += ["Content-Type: application/json", "Content-Length: \(json.utf8.count)"] }
                return try client.raw.exchange(lines.joined(separator: "\r\n") + "\r\n\r\n" + (json ?? ""))
            }
            #expect(try send("GET", Seeded.listPath()).status == 200)
            #expect(try send("GET", "/api/services/zis/registry/integrations").status == 200)
            let me = try send("GET", "/api/v2/users/me.json").json()
            #expect((me["user"] as? [String: Any])?["authenticity_token"] as? String == "zis-mock-csrf-token")
            let body = #"{"name":"from_app","allowed_domain":"api.example.com","token":"t0ken-value"}"#
            let path = "/api/services/zis/integrations/\(Seeded.integration)/connections/bearer_token"
            let refused = try send("POST", path, json: body)
            #expect(refused.status == 403)
            #expect(String(decoding: refused.body, as: UTF8.self) == #"{"error":{"title":"Forbidden","message":"Invalid authenticity token"}}"#)
            #expect(try send("POST", path, json: body, csrf: "wrong").status == 403)
            #expect(try send("POST", path, json: body, csrf: "zis-mock-csrf-token").status == 201)
            #expect(try send("POST", "/api/services/zis/registry/app_made", json: "{}", csrf: "zis-mock-csrf-token").status == 200)
        }
    }

    /// `--token-lifetime`: tokens that ask for no `expires_in` get the configured one.
    @Test func aConfiguredLifetimeAppliesToEveryMintedToken() throws {
        try withServer(configure: { $0.tokenLifetimeSeconds = 600 }) { server in
            let client = try CRUDClient(server)
            let registration = try server.control.service.registerIntegration("timed", description: "", accountURL: server.baseURL)
            let issued = try client.send(
                "POST", "/oauth/tokens", json: "grant_type=client_credentials",
                contentType: "application/x-www-form-urlencoded", authorization: Self.basic("zis_timed:\(registration.zendeskOAuthClient.secret)"))
            let token = try issued.json()
            #expect(token["expires_in"] as? Int == 600)
            let bearer = "Bearer \(try #require(token["access_token"] as? String))"
            #expect(try client.send("GET", Seeded.listPath("timed"), authorization: bearer).status == 200)
            server.control.service.advanceClock(by: 600)
            #expect(try client.send("GET", Seeded.listPath("timed"), authorization: bearer).status == 401)
        }
    }

    @Test func tokenEndpointRefusalsAreRFC6749Errors() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let secret = try server.control.service.registerIntegration("my_integration", description: "", accountURL: server.baseURL)
                .zendeskOAuthClient.secret
            func post(_ form: String, authorization: String? = nil) throws -> (Int, String?) {
                let response = try client.send("POST", "/oauth/tokens", json: form, contentType: "application/x-www-form-urlencoded", authorization: authorization)
                return (response.status, try response.json()["error"] as? String)
            }
            let credentials = "client_id=zis_my_integration&client_secret=\(secret)"
            #expect(try post("grant_type=password&\(credentials)") == (400, "unsupported_grant_type"))
            #expect(try post("grant_type=client_credentials&client_id=zis_my_integration&client_secret=wrong") == (401, "invalid_client"))
            #expect(try post("grant_type=client_credentials") == (401, "invalid_client"))
            #expect(try post("grant_type=authorization_code&code=nope&\(credentials)") == (400, "invalid_grant"))
            #expect(try post("grant_type=client_credentials&scope=admin&\(credentials)") == (400, "invalid_scope"))
            #expect(try post("\(credentials)") == (400, "invalid_request"))
            #expect(
                try post("grant_type=client_credentials&\(credentials)", authorization: Self.basic("zis_my_integration:\(secret)"))
                    == (400, "invalid_request"), "two client authentications")
            let wrongType = try client.send("POST", "/oauth/tokens", json: "x", contentType: "text/plain", authorization: nil)
            #expect(wrongType.status == 415)
            #expect(try wrongType.json()["error_description"] as? String == "Content-Type must be application/x-www-form-urlencoded or application/json")
            let unauthenticated = try client.send(
                "POST", "/oauth/tokens", json: "grant_type=client_credentials", contentType: "application/x-www-form-urlencoded",
                authorization: Self.basic("zis_my_integration:wrong"))
            #expect(unauthenticated.status == 401 && unauthenticated.header("WWW-Authenticate") == #"Basic realm="OAuth""#)
        }
    }
}
