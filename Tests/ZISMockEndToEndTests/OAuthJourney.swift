import Foundation
import Testing

/// Steps of the OAuth journeys of issue 16, over the wire: what an app, a browser and the
/// simulated provider do between start and the connection.
enum OAuthJourney {
    static let adminAuth = "Basic " + Data("admin@example.com/token:zis-mock-admin-api-token".utf8).base64EncodedString()

    /// Registers `integration` in the Registry and mints it a ZIS token with client credentials.
    static func register(_ client: CRUDClient, _ integration: String) throws -> (token: String, secret: String) {
        let registered = try client.send(
            "POST", "/api/services/zis/registry/\(integration)", json: #"{"description":"issue 16"}"#, authorization: adminAuth)
        let secret = try #require((try registered.json()["zendesk_oauth_client"] as? [String: Any])?["secret"] as? String)
        return (try clientCredentialsToken(client, integration, secret: secret), secret)
    }

    /// A ZIS token of `integration` from `POST /oauth/tokens` with client credentials.
    static func clientCredentialsToken(_ client: CRUDClient, _ integration: String, secret: String) throws -> String {
        let form = "grant_type=client_credentials&client_id=zis_\(integration)&client_secret=\(secret)&scope=read+write"
        let issued = try client.send("POST", "/oauth/tokens", json: form, contentType: "application/x-www-form-urlencoded", authorization: nil)
        return try #require(try issued.json()["access_token"] as? String)
    }

    /// The path and query of an absolute URL the mock handed out.
    static func path(_ url: String) -> String {
        let afterScheme = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        return "/" + (afterScheme.count > 3 ? afterScheme[3] : "")
    }

    /// The query of `url`, decoded.
    static func query(_ url: String) -> [String: String] {
        var values: [String: String] = [:]
        for item in URLComponents(string: url)?.queryItems ?? [] { values[item.name] = item.value ?? "" }
        return values
    }

    /// A browser on the provider's page clicking `decision`: the provider's redirect to ZIS's callback.
    static func decide(_ client: CRUDClient, redirectURL: String, decision: String = "allow") throws -> String {
        let page = try client.send("GET", path(redirectURL), authorization: nil)
        #expect(page.status == 200)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        let state = try #require(query(redirectURL)["state"])
        let answer = try client.send(
            "POST", "/__admin/oauth-provider/authorize", json: "state=\(state)&decision=\(decision)",
            contentType: "application/x-www-form-urlencoded", authorization: nil)
        #expect(answer.status == 302)
        return try #require(answer.header("Location"))
    }

    /// Allow on the provider's page, then the browser's fetch of ZIS's callback.
    static func approve(_ client: CRUDClient, redirectURL: String) throws -> HTTPTestResponse {
        try client.send("GET", path(try decide(client, redirectURL: redirectURL)), authorization: nil)
    }

    /// A client of the seeded integration and a connection `name` made through it; the client's uuid.
    static func connect(_ client: CRUDClient, name: String) throws -> String {
        let created = try client.send("POST", Paths.clients(), json: #"""
            {"name":"\#(name)_client","client_id":"id","client_secret":"s","auth_url":"https://p.example.com/a","token_url":"https://p.example.com/t"}
            """#)
        let uuid = try #require(try created.json()["uuid"] as? String)
        let started = try client.send("POST", Paths.start(), json: #"{"name":"\#(name)","oauth_client_uuid":"\#(uuid)"}"#)
        let done = try approve(client, redirectURL: try #require(try started.json()["redirect_url"] as? String))
        #expect(done.status == 200)
        return uuid
    }

    /// `PUT /__admin/oauth-provider`.
    static func setProvider(_ client: CRUDClient, _ json: String) throws {
        let answer = try client.send("PUT", "/__admin/oauth-provider", json: json, authorization: nil)
        #expect(answer.status == 200)
    }
}
