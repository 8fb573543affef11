import Testing

/// Spec §2: the decision table, byte for byte, and routing before authentication.
@Suite("End to end: authentication and routing")
struct AuthenticationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let authorization: String?
        var integration = Seeded.integration
        let status: Int
        let body: String
        var testDescription: String { label }
    }

    static let authenticationFailed = errorBody("InvalidCredentials", "Authentication failed")
    static let tokenLength = errorBody("InvalidCredentials", "Token length is invalid")
    static let mismatch = errorBody("InvalidCredentials", "Authorization failed due to integration mismatch")

    static let cases: [Case] = [
        Case(label: "no Authorization header", authorization: nil, status: 401, body: authenticationFailed),
        Case(label: "empty Authorization header", authorization: "", status: 401, body: authenticationFailed),
        Case(label: "Token scheme", authorization: "Token zis-mock-read-write-token", status: 401, body: authenticationFailed),
        Case(label: "Digest scheme", authorization: #"Digest username="a", realm="b""#, status: 401, body: authenticationFailed),
        Case(label: "bare token without scheme", authorization: Seeded.readWriteToken, status: 401, body: authenticationFailed),
        Case(label: "Basic credentials", authorization: "Basic YWdlbnRAZXhhbXBsZS5jb20vdG9rZW46c2VjcmV0", status: 403,
             body: errorBody("Forbidden", "API token is not supported")),
        Case(label: "Basic, lower-case scheme", authorization: "basic YWJjOmRlZg==", status: 403,
             body: errorBody("Forbidden", "API token is not supported")),
        Case(label: "Basic on an unknown integration", authorization: "Basic YWJjOmRlZg==", integration: "no_such_integration",
             status: 403, body: errorBody("Forbidden", "API token is not supported")),
        Case(label: "Bearer without a token", authorization: "Bearer", status: 401, body: tokenLength),
        Case(label: "Bearer with only spaces", authorization: "Bearer    ", status: 401, body: tokenLength),
        Case(label: "Bearer, 7 characters", authorization: "Bearer 1234567", status: 401, body: tokenLength),
        Case(label: "Bearer, 513 characters", authorization: "Bearer " + String(repeating: "t", count: 513), status: 401, body: tokenLength),
        Case(label: "Bearer, 8 characters, unknown", authorization: "Bearer 12345678", status: 401, body: authenticationFailed),
        Case(label: "Bearer, 512 characters, unknown", authorization: "Bearer " + String(repeating: "t", count: 512), status: 401,
             body: authenticationFailed),
        Case(label: "Bearer unknown token", authorization: "Bearer not-a-seeded-token", status: 401, body: authenticationFailed),
        Case(label: "token of another integration", authorization: "Bearer \(Seeded.slackToken)", status: 401, body: mismatch),
        Case(label: "integration that does not exist", authorization: "Bearer \(Seeded.readWriteToken)",
             integration: "no_such_integration", status: 401, body: mismatch),
        Case(label: "read-only token on an unknown integration: mismatch comes before scope",
             authorization: "Bearer \(Seeded.readOnlyToken)", integration: "no_such_integration", status: 401, body: mismatch),
        Case(label: "token without write scope", authorization: "Bearer \(Seeded.readOnlyToken)", status: 403,
             body: errorBody("Forbidden", "Cannot access this resource. Missing scope write")),
    ]

    @Test(arguments: cases)
    func decisionTable(_ row: Case) throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try client.exchange(request(target: Seeded.listPath(row.integration), authorization: row.authorization))
            #expect(response.status == row.status)
            #expect(response.text == row.body)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(response.header("Content-Length") == String(response.body.count))
            // An auth failure is an ordinary answer: the connection stays usable.
            #expect(try client.exchange(request(target: "/__admin/health", authorization: nil)).status == 200)
        }
    }

    @Test func authenticationComesBeforePaginationErrors() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try client.exchange(request(target: Seeded.listPath(query: "page[size]=0"), authorization: nil))
            #expect(response.status == 401)
            #expect(response.text == Self.authenticationFailed)
        }
    }

    @Test(arguments: ["Bearer zis-mock-read-write-token", "bearer zis-mock-read-write-token", "BEARER  zis-mock-read-write-token ", "Bearer\tzis-mock-read-write-token"])
    func bearerSchemeIsCaseInsensitiveAndTrimmed(authorization: String) throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            #expect(try client.exchange(request(target: Seeded.listPath(), authorization: authorization)).status == 200)
        }
    }

    @Test func zisScopeSynonymsAreAccepted() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try client.exchange(request(target: Seeded.listPath(Seeded.slackIntegration), authorization: "Bearer \(Seeded.slackToken)"))
            #expect(response.status == 200)
            #expect(try response.json()["api_key"] as? [Any] != nil)
        }
    }

    @Test func unknownPathIs404BeforeAuthentication() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            for target in ["/api/services/zis/nope", "/", "/api/services/zis/integrations/acme_crm_sync/connections/all/extra", "/api/services/zis/integrations//connections/all"] {
                for authorization in [nil, "Basic YWJjOmRlZg==", "Bearer \(Seeded.readOnlyToken)"] as [String?] {
                    let response = try client.exchange(request(target: target, authorization: authorization))
                    #expect(response.status == 404, "\(target) with \(authorization ?? "no auth")")
                    let error = try #require((try response.json()["errors"] as? [[String: Any]])?.first)
                    #expect(error["code"] as? String == "NotFound")
                    #expect(error["title"] as? String == "Not Found")
                    #expect(response.header("Content-Type") == "application/json; charset=utf-8")
                }
            }
        }
    }

    @Test func wrongMethodIs405WithAllowBeforeAuthentication() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            for method in ["POST", "PUT", "DELETE", "PATCH"] {
                for authorization in [nil, "Basic YWJjOmRlZg==", "Bearer \(Seeded.readOnlyToken)"] as [String?] {
                    let response = try client.exchange(
                        request(method, "/__admin/health", authorization: authorization, headers: ["Content-Length: 2"]) + "{}")
                    #expect(response.status == 405, "\(method)")
                    #expect(response.header("Allow") == "GET, HEAD")
                    #expect(response.text == errorBody("MethodNotAllowed", "Method Not Allowed"))
                    #expect(response.header("Content-Type") == "application/json; charset=utf-8")
                }
            }
            for method in ["PUT", "DELETE", "PATCH"] {
                let response = try client.exchange(request(method, Seeded.listPath(), authorization: nil, headers: ["Content-Length: 0"]))
                #expect(response.status == 405, "\(method) on the list path, no auth")
                let allow = Set((response.header("Allow") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                #expect(allow.isSuperset(of: ["GET", "HEAD"]))
                #expect(response.text == errorBody("MethodNotAllowed", "Method Not Allowed"))
            }
        }
    }

    /// The literal `all` beats the typed-create template `connections/{type}`: POST on the list
    /// path is 405, and `Allow` offers only what the list path serves.
    @Test func postOnTheListPathIs405AllowingOnlyGetAndHead() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let post = try client.exchange(request("POST", Seeded.listPath(), authorization: nil, headers: ["Content-Length: 0"]))
            #expect(post.status == 405)
            #expect(post.header("Allow") == "GET, HEAD")
            let put = try client.exchange(request("PUT", Seeded.listPath(), authorization: nil, headers: ["Content-Length: 0"]))
            #expect(put.header("Allow") == "GET, HEAD")
        }
    }

    @Test func healthNeedsNoAuthentication() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            for authorization in [nil, "Bearer garbage-token", "Basic YWJjOmRlZg=="] as [String?] {
                let response = try client.exchange(request(target: "/__admin/health", authorization: authorization))
                #expect(response.status == 200)
                #expect(response.text == #"{"status":"ok"}"#)
                #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            }
        }
    }
}
