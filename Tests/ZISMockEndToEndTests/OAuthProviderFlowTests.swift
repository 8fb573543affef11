import Foundation
import Testing
import ZISMockFixtures

/// Issue 16, "Measured today" bullets 7 and 8: the flow runs through a provider — the simulated
/// one, or Zendesk's own for the built-in `zendesk` client — with consent, errors, the ZIS bearer
/// for client credentials, and refresh when an expired token is read.
@Suite("End to end: OAuth flows through a provider")
struct OAuthProviderFlowTests {
    static func start(_ client: CRUDClient, _ body: String) throws -> String {
        let started = try client.send("POST", Paths.start(), json: body)
        #expect(started.status == 200)
        return try #require(try started.json()["redirect_url"] as? String)
    }

    /// Bullet 7: one unauthenticated GET of `redirect_url` no longer makes a connection: it is the
    /// provider's page; the callback then needs the provider's code.
    @Test func redirectURLLeadsToTheProvidersConsentPage() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let redirect = try Self.start(client, #"{"name":"consent_conn","oauth_client_name":"salesforce_oauth_client","oauth_url_subdomain":"acme"}"#)
            let page = try client.send("GET", OAuthJourney.path(redirect), authorization: nil)
            #expect(page.status == 200)
            #expect(page.text.contains("<title>Authorize salesforce_oauth_client? — zis-mock OAuth provider</title>"))
            #expect(page.text.contains("standing in for <code>https://login.salesforce.com/services/oauth2/authorize</code>"))
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=consent_conn")).status == 404)
            // The callback without the provider's code, or with another: no connection.
            let state = try #require(OAuthJourney.query(redirect)["state"])
            let forged = try client.send("GET", "/api/services/zis/connections/oauth/callback?state=\(state)&code=guessed", authorization: nil)
            #expect(forged.status == 400)
            #expect(forged.text == #"{"errors":[{"code":"invalid_grant","title":"OAuth flow failed","detail":"The authorization code is invalid"}]}"#)
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=consent_conn")).status == 404)
            // An unknown state is the provider's error page.
            let unknown = try client.send("GET", "/__admin/oauth-provider/authorize?state=nope", authorization: nil)
            #expect(unknown.status == 400)
            #expect(unknown.text.contains("Invalid Authorization Request"))
        }
    }

    /// With `--admin-token` the provider's page stays open (a browser carries no admin token);
    /// scripting the provider needs the token like every other admin route.
    @Test func theProvidersPageIsOpenUnderAnAdminToken() throws {
        try withServer(configure: { $0.admin.token = "admin-token-for-tests" }) { server in
            let client = try CRUDClient(server)
            let redirect = try Self.start(client, #"{"name":"guarded_conn","oauth_client_name":"salesforce_oauth_client"}"#)
            #expect(try OAuthJourney.approve(client, redirectURL: redirect).status == 200)
            #expect(try client.send("PUT", "/__admin/oauth-provider", json: #"{"consent":"deny"}"#, authorization: nil).status == 401)
            #expect(try client.send("PUT", "/__admin/oauth-provider", json: #"{"consent":"deny"}"#, authorization: "Bearer admin-token-for-tests")
                .status == 200)
        }
    }

    /// Deny: the provider sends `error=access_denied` to ZIS, which sends it on to the origin.
    @Test func denyIsReportedToTheOrigin() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let redirect = try Self.start(
                client, #"{"name":"denied_conn","oauth_client_name":"salesforce_oauth_client","origin_oauth_redirect_url":"https://app.example.com/done"}"#)
            let callback = try OAuthJourney.decide(client, redirectURL: redirect, decision: "deny")
            #expect(OAuthJourney.query(callback)["error"] == "access_denied")
            let ended = try client.send("GET", OAuthJourney.path(callback), authorization: nil)
            #expect(ended.status == 302)
            #expect(ended.header("Location") == "https://app.example.com/done?error=access_denied&error_description=The%20user%20denied%20access")
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=denied_conn")).status == 404)
        }
    }

    /// The provider's behaviour from `/__admin/`: approve at once, deny at once, fail the exchange.
    @Test func providerBehaviourIsScriptable() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            #expect(try client.send("GET", "/__admin/oauth-provider", authorization: nil).text
                == #"{"consent":"page","refresh":"succeed","token_exchange":"succeed","token_lifetime_seconds":3600}"#)

            try OAuthJourney.setProvider(client, #"{"consent":"approve"}"#)
            let approved = try client.send(
                "GET", OAuthJourney.path(try Self.start(client, #"{"name":"auto_conn","oauth_client_name":"salesforce_oauth_client"}"#)),
                authorization: nil)
            #expect(approved.status == 302)
            let done = try client.send("GET", OAuthJourney.path(try #require(approved.header("Location"))), authorization: nil)
            #expect(done.status == 200)
            #expect(try done.json()["name"] as? String == "auto_conn")

            try OAuthJourney.setProvider(client, #"{"consent":"deny"}"#)
            let denied = try client.send(
                "GET", OAuthJourney.path(try Self.start(client, #"{"name":"deny_conn","oauth_client_name":"salesforce_oauth_client"}"#)),
                authorization: nil)
            let deniedEnd = try client.send("GET", OAuthJourney.path(try #require(denied.header("Location"))), authorization: nil)
            #expect(deniedEnd.status == 400)
            #expect(deniedEnd.text == #"{"errors":[{"code":"access_denied","title":"OAuth flow failed","detail":"The user denied access"}]}"#)

            try OAuthJourney.setProvider(client, #"{"consent":"approve","token_exchange":"fail"}"#)
            let failing = try client.send(
                "GET",
                OAuthJourney.path(
                    try Self.start(
                        client,
                        #"{"name":"fail_conn","oauth_client_name":"salesforce_oauth_client","origin_oauth_redirect_url":"https://app.example.com/done"}"#)),
                authorization: nil)
            let failed = try client.send("GET", OAuthJourney.path(try #require(failing.header("Location"))), authorization: nil)
            #expect(failed.header("Location") == "https://app.example.com/done?error=invalid_grant&error_description=The%20provider%20refused%20the%20token%20request")
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=fail_conn")).status == 404)

            for (body, detail) in [
                (#"{"consent":"maybe"}"#, "consent must be one of: page, approve, deny"),
                (#"{"token_lifetime_seconds":0}"#, "token_lifetime_seconds must be from 1 to 31536000"),
                (#"{"speed":1}"#, "body: unknown field speed (expected one of: consent, token_exchange, refresh, token_lifetime_seconds)"),
            ] {
                let refused = try client.send("PUT", "/__admin/oauth-provider", json: body, authorization: nil)
                #expect(refused.status == 400)
                #expect(refused.errorDetail == detail)
            }
            // A reset restores the defaults.
            #expect(try client.send("POST", "/__admin/reset", authorization: nil).status == 200)
            #expect(try client.send("GET", "/__admin/oauth-provider", authorization: nil).text.hasPrefix(#"{"consent":"page","#))
        }
    }

    /// client_credentials: `redirect_url` is ZIS's callback, which completes only with the
    /// integration's ZIS bearer [field]; the flow survives a fetch without it.
    @Test func clientCredentialsNeedsTheIntegrationsBearer() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let created = try client.send("POST", Paths.clients(), json: #"""
                {"name":"machine_client","client_id":"m","client_secret":"machine-secret-0f0f","token_url":"https://auth.example.com/token","grant_type":"client_credentials","default_scopes":"read"}
                """#)
            #expect(created.status == 201)
            let redirect = try Self.start(client, #"{"name":"machine_conn","oauth_client_name":"machine_client","permission_scopes":"read write"}"#)
            #expect(redirect.hasPrefix("http://mysubdomain.zendesk.com/api/services/zis/connections/oauth/callback?state="))
            let anonymous = try client.send("GET", OAuthJourney.path(redirect), authorization: nil)
            #expect(anonymous.status == 401)
            let otherIntegration = try client.send("GET", OAuthJourney.path(redirect), authorization: "Bearer \(Seeded.slackToken)")
            #expect(otherIntegration.status == 401)
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=machine_conn")).status == 404)
            let done = try client.send("GET", OAuthJourney.path(redirect))
            #expect(done.status == 200)
            let item = try done.json()
            #expect(item["permission_scope"] as? String == "read write")
            #expect(item["refresh_token"] as? String == "")
            #expect(!(try client.send("GET", Paths.clients()).text.contains("machine-secret-0f0f")))
        }
    }

    /// Bullet 8: an expired token is refreshed when read, by the service's time (the admin clock
    /// included): new access token and expiry, same refresh token.
    @Test func anExpiredTokenIsRefreshedWhenRead() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let first = try Self.shortLivedConnection(client, "short_conn")
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=short_conn")).json()["access_token"] as? String
                == first["access_token"] as? String)
            #expect(try client.send("POST", "/__admin/clock", json: #"{"advance_seconds":61}"#, authorization: nil).status == 200)
            let refreshed = try client.send("GET", Paths.oauthConnection(query: "name=short_conn")).json()
            #expect(refreshed["access_token"] as? String != first["access_token"] as? String)
            #expect(refreshed["refresh_token"] as? String == first["refresh_token"] as? String)
            let expiry = try #require(Self.seconds(refreshed["token_expiry"] as? String))
            #expect(expiry > (try #require(Self.seconds(first["token_expiry"] as? String))))
            #expect((refreshed["oauth_access_token_response_body"] as? String)?.contains(#""expires_in":60"#) == true)
            // Read again before the new expiry: unchanged.
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=short_conn")).json()["access_token"] as? String
                == refreshed["access_token"] as? String)
        }
    }

    /// Bullet 8, a refusing provider: tokens and expiry stay, the provider's error is kept.
    @Test func aRefusedRefreshIsMarkedOnTheConnection() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let first = try Self.shortLivedConnection(client, "stale_conn")
            try OAuthJourney.setProvider(client, #"{"refresh":"fail"}"#)
            #expect(try client.send("POST", "/__admin/clock", json: #"{"advance_seconds":120}"#, authorization: nil).status == 200)
            let stale = try client.send("GET", Paths.oauthConnection(query: "name=stale_conn"))
            #expect(stale.status == 200)
            let item = try stale.json()
            #expect(item["access_token"] as? String == first["access_token"] as? String)
            #expect(item["token_expiry"] as? String == first["token_expiry"] as? String)
            #expect(item["oauth_access_token_response_body"] as? String
                == #"{"error":"invalid_grant","error_description":"The refresh token is invalid or has been revoked"}"#)
            // The provider recovers: the next read refreshes.
            try OAuthJourney.setProvider(client, #"{"refresh":"succeed"}"#)
            #expect(try client.send("GET", Paths.oauthConnection(query: "name=stale_conn")).json()["access_token"] as? String
                != first["access_token"] as? String)
        }
    }

    /// The built-in `zendesk` client: the tutorial's body, Zendesk's own consent page, and a
    /// connection whose token is a working ZIS token of the integration.
    @Test func theZendeskClientMakesAWorkingZendeskToken() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let (connection, token) = try Self.zendeskConnection(client, "zendesk_flow_app")
            let accessToken = try #require(connection["access_token"] as? String)
            #expect(accessToken.hasPrefix("zis_mock_at_"))
            #expect(connection["permission_scope"] as? String == "read write")
            // Zendesk's tokens never expire unless asked to [doc]: nothing to refresh.
            #expect(connection["token_expiry"] as? String == "")
            // The token authorizes the mock's Zendesk-side endpoints for the integration.
            let listed = try client.send("GET", Seeded.listPath("zendesk_flow_app"), authorization: "Bearer \(accessToken)")
            #expect(listed.status == 200)
            #expect((try listed.json()["oauth"] as? [[String: Any]])?.first?["name"] as? String == "zendesk")
            #expect(try client.send("GET", Paths.oauthConnection("zendesk_flow_app", query: "name=zendesk"), authorization: "Bearer \(token.token)")
                .json()["access_token"] as? String == accessToken)
        }
    }

    /// With `--token-lifetime` the `zendesk` connection's token expires, and reading it after that
    /// refreshes it through Zendesk's `refresh_token` grant: the old token stops working.
    @Test func theZendeskClientsConnectionRefreshesThroughZendesk() throws {
        try withServer(configure: { $0.tokenLifetimeSeconds = 600 }) { server in
            let client = try CRUDClient(server)
            let (connection, token) = try Self.zendeskConnection(client, "zendesk_refresh_app")
            let first = try #require(connection["access_token"] as? String)
            #expect(try client.send("POST", "/__admin/clock", json: #"{"advance_seconds":601}"#, authorization: nil).status == 200)
            #expect(try client.send("GET", Seeded.listPath("zendesk_refresh_app"), authorization: "Bearer \(first)").status == 401)
            // The integration's own token was minted by client credentials with the same lifetime: mint another.
            let fresh = try OAuthJourney.clientCredentialsToken(client, "zendesk_refresh_app", secret: token.secret)
            let refreshed = try client.send(
                "GET", Paths.oauthConnection("zendesk_refresh_app", query: "name=zendesk"), authorization: "Bearer \(fresh)").json()
            let second = try #require(refreshed["access_token"] as? String)
            #expect(second != first && second.hasPrefix("zis_mock_at_"))
            #expect(refreshed["refresh_token"] as? String != connection["refresh_token"] as? String)
            #expect(try client.send("GET", Seeded.listPath("zendesk_refresh_app"), authorization: "Bearer \(second)").status == 200)
        }
    }

    /// Registers `integration`, runs the tutorial's flow for its `zendesk` client through Zendesk's
    /// consent page, and answers the connection and the integration's token.
    static func zendeskConnection(_ client: CRUDClient, _ integration: String) throws -> ([String: Any], (token: String, secret: String)) {
        let registered = try OAuthJourney.register(client, integration)
        let started = try client.send(
            "POST", Paths.start(integration), json: ZendeskDocBodies.zendeskTokenTutorialStart, authorization: "Bearer \(registered.token)")
        let redirect = try #require(try started.json()["redirect_url"] as? String)
        #expect(redirect.hasPrefix("http://mysubdomain.zendesk.com/oauth/authorizations/new?response_type=code&client_id=zis_\(integration)&redirect_uri="))
        let consent = try client.send("GET", OAuthJourney.path(redirect), authorization: nil)
        #expect(consent.status == 200)
        #expect(consent.text.contains("Allow access?"))
        let query = OAuthJourney.query(redirect)
        let form = ["client_id", "redirect_uri", "scope", "state"].map { "\($0)=\(Self.encode(query[$0] ?? ""))" }.joined(separator: "&")
        let allowed = try client.send(
            "POST", "/oauth/authorizations", json: form + "&decision=allow", contentType: "application/x-www-form-urlencoded", authorization: nil)
        #expect(allowed.status == 302)
        let done = try client.send("GET", OAuthJourney.path(try #require(allowed.header("Location"))), authorization: nil)
        #expect(done.status == 302)
        #expect(done.header("Location")?.hasPrefix("http://example.local?verification_token=") == true)
        let connection = try client.send(
            "GET", Paths.oauthConnection(integration, query: "name=zendesk"), authorization: "Bearer \(registered.token)").json()
        return (connection, registered)
    }

    /// A connection made while the provider issues tokens that live 60 s, as show first answers it.
    static func shortLivedConnection(_ client: CRUDClient, _ name: String) throws -> [String: Any] {
        try OAuthJourney.setProvider(client, #"{"token_lifetime_seconds":60}"#)
        _ = try OAuthJourney.connect(client, name: name)
        return try client.send("GET", Paths.oauthConnection(query: "name=\(name)")).json()
    }

    static func seconds(_ stamp: String?) -> Int? {
        guard let stamp, let date = ISO8601DateFormatter().date(from: stamp) else { return nil }
        return Int(date.timeIntervalSince1970)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
