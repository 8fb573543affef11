import Foundation
import Testing

/// Typed connections over HTTP (spec §4): create, show, update, delete for api_key, basic_auth
/// and bearer_token, with exact bodies, masking, validation and conflicts.
@Suite("End to end: typed connection CRUD")
struct ConnectionsCRUDTests {
    @Test func apiKeyLifecycle() throws {
        let clock = TestClock()
        try withServer(clock: clock) { server in
            let secrets = CreatedSecrets()
            secrets.add("key-one-4f1e9a")
            secrets.add("key-two-77c0b2")
            let client = try CRUDClient(server, secrets: secrets)

            let created = try client.send("POST", Paths.typed("api_key"), json: #"""
                {"name":"aaa_new_key","allowed_domain":"api.example.com","header_name":"X-Api-Key","api_key":"key-one-4f1e9a"}
                """#)
            #expect(created.status == 201)
            #expect(created.header("Content-Type") == "application/json; charset=utf-8")
            #expect(created.text == #"{"api_key":{"allowed_domain":"api.example.com","api_key":"*****","created_at":"2024-01-15T09:00:00Z","header_name":"X-Api-Key","name":"aaa_new_key","updated_at":"2024-01-15T09:00:00Z"}}"#)

            // Listed immediately, first in name order.
            let list = try client.send("GET", Seeded.listPath(query: "page[size]=1")).json()
            #expect((list["api_key"] as? [[String: Any]])?.first?["name"] as? String == "aaa_new_key")

            let shown = try client.send("GET", Paths.typed("api_key", "aaa_new_key"))
            #expect(shown.status == 200)
            #expect(shown.text == created.text)

            clock.advance(by: 90)
            let patched = try client.send("PATCH", Paths.typed("api_key", "aaa_new_key"), json: #"""
                {"api_key":"key-two-77c0b2","header_name":"X-Other","name":"aaa_new_key","allowed_domain":"api.example.com"}
                """#)
            #expect(patched.status == 200)
            #expect(patched.text == #"{"api_key":{"allowed_domain":"api.example.com","api_key":"*****","created_at":"2024-01-15T09:00:00Z","header_name":"X-Other","name":"aaa_new_key","updated_at":"2024-01-15T09:01:30Z"}}"#)
            #expect(try server.service.connectionSecret("aaa_new_key") == "key-two-77c0b2")

            let deleted = try client.send("DELETE", Paths.typed("api_key", "aaa_new_key"))
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            #expect(try client.send("GET", Paths.typed("api_key", "aaa_new_key")).status == 404)
            #expect(try client.send("DELETE", Paths.typed("api_key", "aaa_new_key")).status == 404)
            #expect(!(try walkAllNames(client).contains("aaa_new_key")))
        }
    }

    @Test func basicAuthLifecycle() throws {
        let clock = TestClock()
        try withServer(clock: clock) { server in
            let secrets = CreatedSecrets()
            secrets.add("pw-first-93ab")
            secrets.add("pw-second-1d0e")
            let client = try CRUDClient(server, secrets: secrets)
            let created = try client.send("POST", Paths.typed("basic_auth"), json: #"""
                {"name":"erp-basic","allowed_domain":"erp.example.org","username":"robot","password":"pw-first-93ab"}
                """#)
            #expect(created.status == 201)
            #expect(created.text == #"{"basic_auth":{"allowed_domain":"erp.example.org","created_at":"2024-01-15T09:00:00Z","name":"erp-basic","password":"*****","updated_at":"2024-01-15T09:00:00Z","username":"robot"}}"#)
            clock.advance(by: 90)
            let patched = try client.send("PATCH", Paths.typed("basic_auth", "erp-basic"), json: #"{"password":"pw-second-1d0e","username":"robot2"}"#)
            #expect(patched.text == #"{"basic_auth":{"allowed_domain":"erp.example.org","created_at":"2024-01-15T09:00:00Z","name":"erp-basic","password":"*****","updated_at":"2024-01-15T09:01:30Z","username":"robot2"}}"#)
            #expect(try client.send("GET", Paths.typed("basic_auth", "erp-basic")).text == patched.text)
            #expect(try client.send("DELETE", Paths.typed("basic_auth", "erp-basic")).status == 204)
        }
    }

    @Test func bearerTokenLifecycleWithTheWrappedBodyForm() throws {
        let clock = TestClock()
        try withServer(clock: clock) { server in
            let secrets = CreatedSecrets()
            secrets.add("tok-aa11bb22cc33")
            secrets.add("tok-dd44ee55ff66")
            let client = try CRUDClient(server, secrets: secrets)
            // The type-wrapped form (what the responses look like) is accepted as well as the flat one.
            let created = try client.send("POST", Paths.typed("bearer_token"), json: #"""
                {"bearer_token":{"name":"wrapped_bearer","allowed_domain":"hooks.example.net","token":"tok-aa11bb22cc33"}}
                """#, contentType: "application/json; charset=utf-8")
            #expect(created.status == 201)
            #expect(created.text == #"{"bearer_token":{"allowed_domain":"hooks.example.net","created_at":"2024-01-15T09:00:00Z","name":"wrapped_bearer","token":"*****","updated_at":"2024-01-15T09:00:00Z"}}"#)
            clock.advance(by: 90)
            let patched = try client.send("PATCH", Paths.typed("bearer_token", "wrapped_bearer"), json: #"{"bearer_token":{"token":"tok-dd44ee55ff66"}}"#)
            #expect(patched.status == 200)
            #expect(patched.text.contains(#""updated_at":"2024-01-15T09:01:30Z""#))
            #expect(try server.service.connectionSecret("wrapped_bearer") == "tok-dd44ee55ff66")
            #expect(try client.send("DELETE", Paths.typed("bearer_token", "wrapped_bearer")).status == 204)
        }
    }

    @Test func seededConnectionsCanBeShownUpdatedAndDeleted() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let shown = try client.send("GET", Paths.typed("api_key", "salesforce_prod"))
            #expect(shown.status == 200)
            #expect(shown.text.hasPrefix(#"{"api_key":{"allowed_domain":"#))
            #expect(shown.text.contains(#""api_key":"*****""#))
            #expect(try client.send("GET", Paths.typed("basic_auth", "hubspot_prod")).status == 200)
            #expect(try client.send("GET", Paths.typed("bearer_token", "stripe_prod")).status == 200)
            #expect(try client.send("PATCH", Paths.typed("basic_auth", "hubspot_prod"), json: #"{"username":"x"}"#).status == 200)
            #expect(try client.send("DELETE", Paths.typed("bearer_token", "stripe_prod")).status == 204)
            #expect(try walkAllNames(client).count == Seeded.connectionCount - 1)
        }
    }

    /// Names are unique across all four types; a name held by another type is "not found" for this one.
    @Test func conflictsAndOtherTypesNames() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            for existing in ["salesforce_prod", "hubspot_prod", "github_prod"] {
                let response = try client.send("POST", Paths.typed("bearer_token"), json: #"{"name":"\#(existing)","allowed_domain":"a.example.com","token":"t"}"#)
                #expect(response.status == 409)
                #expect(response.errorCode == "Conflict")
                #expect(response.errorDetail == "A connection named \(existing) already exists")
            }
            for (method, body) in [("GET", nil), ("PATCH", #"{"token":"x"}"#), ("DELETE", nil)] as [(String, String?)] {
                #expect(try client.send(method, Paths.typed("bearer_token", "salesforce_prod"), json: body).status == 404)
                #expect(try client.send(method, Paths.typed("api_key", "github_prod"), json: body).status == 404)
                #expect(try client.send(method, Paths.typed("api_key", "no_such_connection"), json: body).status == 404)
            }
            // The seeded connection survived all of that.
            #expect(try client.send("GET", Paths.typed("api_key", "salesforce_prod")).status == 200)
            // An unknown type is an unknown path: 404 before authentication; a wrong method is 405.
            #expect(try client.send("POST", Paths.typed("oauth"), json: "{}", authorization: nil).status == 404)
            #expect(try client.send("GET", Paths.typed("ftp", "x"), authorization: nil).status == 404)
            // `all` is the list path's literal, which serves GET only.
            #expect(try client.send("POST", Paths.typed("all"), json: "{}").status == 405)
            let wrongMethod = try client.send("PUT", Paths.typed("api_key", "salesforce_prod"), json: "{}")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "GET, HEAD, PATCH, DELETE")
            #expect(try client.send("GET", Paths.typed("api_key")).status == 405)
        }
    }

    @Test(arguments: [
        // (body, content type, status, detail)
        (#"{"name":"ok_name","allowed_domain":"a.example.com","header_name":"X","api_key":"k""#, "application/json", 400, "Malformed JSON at 1:83: unexpected end of input, expected ',' or '}'"),
        ("", "application/json", 400, "The request body must be a JSON object"),
        ("[1]", "application/json", 400, "The request body must be a JSON object, found an array"),
        (#"{"name":"ok_name"}"#, "text/plain", 415, "Content-Type must be application/json"),
        (#"{"name":"ok_name"}"#, "application/x-www-form-urlencoded", 415, "Content-Type must be application/json"),
        (#"{"name":"ok_name"}"#, "application/jsonx", 415, "Content-Type must be application/json"),
        (#"{"allowed_domain":"a.example.com","header_name":"X","api_key":"k"}"#, "application/json", 400, "name is required"),
        (#"{"name":"ok_name","header_name":"X","api_key":"k"}"#, "application/json", 400, "allowed_domain is required"),
        (#"{"name":"ok_name","allowed_domain":"a.example.com","header_name":"X"}"#, "application/json", 400, "api_key is required"),
        (#"{"name":"ok_name","allowed_domain":"a.example.com","api_key":"k"}"#, "application/json", 400, "header_name is required"),
        (#"{"name":"ok_name","allowed_domain":"a.example.com","header_name":"X","api_key":""}"#, "application/json", 400, "api_key must not be empty"),
        (#"{"name":42,"allowed_domain":"a.example.com","header_name":"X","api_key":"k"}"#, "application/json", 400, "name must be a string, found a number"),
        (#"{"name":"ok_name","allowed_domain":null,"header_name":"X","api_key":"k"}"#, "application/json", 400, "allowed_domain must be a string, found null"),
        (#"{"name":"ok_name","allowed_domain":"a.example.com","header_name":"X","api_key":["k"]}"#, "application/json", 400, "api_key must be a string, found an array"),
        (#"{"name":"no","allowed_domain":"a.example.com","header_name":"X","api_key":"k"}"#, "application/json", 400, "name must be 3-64 characters of A-Z a-z 0-9 _ -"),
        (#"{"name":"has space","allowed_domain":"a.example.com","header_name":"X","api_key":"k"}"#, "application/json", 400, "name must be 3-64 characters of A-Z a-z 0-9 _ -"),
        (#"{"name":"\#(String(repeating: "n", count: 65))","allowed_domain":"a.example.com","header_name":"X","api_key":"k"}"#, "application/json", 400, "name must be 3-64 characters of A-Z a-z 0-9 _ -"),
        (#"{"name":"ok_name","allowed_domain":"*.example.com","header_name":"X","api_key":"k"}"#, "application/json", 400, "allowed_domain must be a bare host name (dot-separated labels of letters, digits and hyphens; no wildcard, scheme, path or port)"),
        (#"{"name":"ok_name","allowed_domain":"https://a.example.com","header_name":"X","api_key":"k"}"#, "application/json", 400, "allowed_domain must be a bare host name (dot-separated labels of letters, digits and hyphens; no wildcard, scheme, path or port)"),
        (#"{"name":"ok_name","allowed_domain":"a.example.com:443","header_name":"X","api_key":"k"}"#, "application/json", 400, "allowed_domain must be a bare host name (dot-separated labels of letters, digits and hyphens; no wildcard, scheme, path or port)"),
        (#"{"name":"ok_name","allowed_domain":"a.example.com/path","header_name":"X","api_key":"k"}"#, "application/json", 400, "allowed_domain must be a bare host name (dot-separated labels of letters, digits and hyphens; no wildcard, scheme, path or port)"),
        (#"{"name":"ok_name","allowed_domain":"a.example.com","header_name":"X Y","api_key":"k"}"#, "application/json", 400, "header_name must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)"),
        (#"{"name":"ok_name","allowed_domain":"a.example.com","header_name":"X","api_key":"k","allowed_domian":"x"}"#, "application/json", 400, "Unknown field allowed_domian (expected one of: name, allowed_domain, api_key, header_name)"),
        (#"{"name":"ok_name","name":"again"}"#, "application/json", 400, "Malformed JSON at 1:19: duplicate key \"name\" in object"),
    ] as [(String, String, Int, String)])
    func createValidation(body: String, contentType: String, status: Int, detail: String) throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let response = try client.send("POST", Paths.typed("api_key"), json: body, contentType: contentType)
            #expect(response.status == status)
            #expect(response.errorDetail == detail)
            #expect(!(try walkAllNames(client).contains("ok_name")))
        }
    }

    @Test func createWithoutContentTypeIs415() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let response = try client.send(
                "POST", Paths.typed("bearer_token"), json: #"{"name":"abc","allowed_domain":"a.example.com","token":"t"}"#, contentType: nil)
            #expect(response.status == 415)
            #expect(response.errorCode == "UnsupportedMediaType")
        }
    }

    @Test(arguments: [
        (#"{"name":"renamed_key"}"#, "name cannot be changed after creation"),
        (#"{"allowed_domain":"other.example.com"}"#, "allowed_domain cannot be changed after creation"),
        (#"{"username":"someone"}"#, "Unknown field username (expected one of: name, allowed_domain, api_key, header_name)"),
        (#"{"api_key":""}"#, "api_key must not be empty"),
        (#"{"api_key":true}"#, "api_key must be a string, found a boolean"),
        (#"{"header_name":"bad header"}"#, "header_name must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)"),
        ("{", "Malformed JSON at 1:2: unexpected end of input, expected an object key (a string)"),
        ("null", "The request body must be a JSON object, found null"),
    ])
    func patchValidation(body: String, detail: String) throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let before = try client.send("GET", Paths.typed("api_key", "salesforce_prod")).text
            let response = try client.send("PATCH", Paths.typed("api_key", "salesforce_prod"), json: body)
            #expect(response.status == 400)
            #expect(response.errorDetail == detail)
            #expect(try client.send("GET", Paths.typed("api_key", "salesforce_prod")).text == before)
        }
    }

    @Test func patchWithWrongContentTypeIs415() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let response = try client.send("PATCH", Paths.typed("api_key", "salesforce_prod"), json: #"{"api_key":"x"}"#, contentType: "text/json")
            #expect(response.status == 415)
        }
    }

    /// Spec §2 on every typed endpoint: the same decision table as the list, scope `write` required.
    @Test func everyTypedEndpointAuthenticates() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let body = #"{"name":"auth_probe","allowed_domain":"a.example.com","token":"t"}"#
            let calls: [(String, String, String?)] = [
                ("POST", Paths.typed("bearer_token"), body),
                ("GET", Paths.typed("bearer_token", "stripe_prod"), nil),
                ("PATCH", Paths.typed("bearer_token", "stripe_prod"), #"{"token":"x"}"#),
                ("DELETE", Paths.typed("bearer_token", "stripe_prod"), nil),
            ]
            for (method, path, body) in calls {
                try expectAuthTable(client, method, path, body: body)
                // A path naming an integration that does not exist is an integration mismatch.
                let otherPath = path.replacingOccurrences(of: Seeded.integration, with: "no_such_integration")
                let missing = try client.send(method, otherPath, json: body)
                #expect(missing.status == 401)
                #expect(missing.text == errorBody("InvalidCredentials", "Authorization failed due to integration mismatch"))
            }
            // Nothing was changed by any refused call.
            #expect(try client.send("GET", Paths.typed("bearer_token", "stripe_prod")).status == 200)
            #expect(try client.send("GET", Paths.typed("bearer_token", "auth_probe")).status == 404)
        }
    }
}

/// The §2 table for one call: no header, other scheme, Basic, bad length, unknown token,
/// another integration's token, read-only token.
func expectAuthTable(
    _ client: CRUDClient, _ method: String, _ path: String, body: String?, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let cases: [(String?, Int, String)] = [
        (nil, 401, errorBody("InvalidCredentials", "Authentication failed")),
        ("Token abc", 401, errorBody("InvalidCredentials", "Authentication failed")),
        ("Basic dXNlcjpwYXNz", 403, errorBody("Forbidden", "API token is not supported")),
        ("Bearer short", 401, errorBody("InvalidCredentials", "Token length is invalid")),
        ("Bearer unknown-token-value", 401, errorBody("InvalidCredentials", "Authentication failed")),
        ("Bearer \(Seeded.slackToken)", 401, errorBody("InvalidCredentials", "Authorization failed due to integration mismatch")),
        ("Bearer \(Seeded.readOnlyToken)", 403, errorBody("Forbidden", "Cannot access this resource. Missing scope write")),
    ]
    for (authorization, status, expected) in cases {
        let response = try client.send(method, path, json: body, authorization: authorization, sourceLocation: sourceLocation)
        #expect(response.status == status, "\(method) \(path) with \(authorization ?? "no header")", sourceLocation: sourceLocation)
        #expect(response.text == expected, "\(method) \(path) with \(authorization ?? "no header")", sourceLocation: sourceLocation)
    }
}
