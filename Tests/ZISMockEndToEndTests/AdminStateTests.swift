import Foundation
import Testing
import ZISMock

@Suite("Admin: reset, load and export of the state")
struct AdminStateTests {
    static let typedPath = "/api/services/zis/integrations/\(Seeded.integration)/connections/api_key"

    /// The `detail` of a refused `PUT /__admin/state`, after checking it is a 400 `InvalidSeed`.
    static func invalidSeedDetail(_ response: HTTPTestResponse, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        #expect(response.status == 400, sourceLocation: sourceLocation)
        let error = try #require((try response.json()["errors"] as? [[String: Any]])?.first, sourceLocation: sourceLocation)
        #expect(error["code"] as? String == "InvalidSeed", sourceLocation: sourceLocation)
        return error["detail"] as? String ?? ""
    }

    @Test func resetRestoresTheSeedAfterWrites() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let body = #"{"api_key":{"name":"added_one","allowed_domain":"a.example.com","header_name":"X","api_key":"added-secret"}}"#
            #expect(try client.exchange(bodyRequest("POST", Self.typedPath, body: body)).status == 201)
            #expect(try client.exchange(request(target: Self.typedPath + "/added_one")).status == 200)
            let reset = try client.exchange(bodyRequest("POST", "/__admin/reset"))
            #expect(reset.status == 200)
            #expect(reset.text == #"{"reset":["state","journal","faults"]}"#)
            #expect(try client.exchange(request(target: Self.typedPath + "/added_one")).status == 404)
        }
    }

    @Test func resetOnlyOnePart() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            _ = try client.exchange(request(target: Seeded.listPath()))
            #expect(try client.exchange(bodyRequest("POST", "/__admin/reset?only=faults")).text == #"{"reset":["faults"]}"#)
            #expect(try client.exchange(request(target: "/__admin/requests/count")).text == #"{"count":1}"#)
            _ = try client.exchange(bodyRequest("POST", "/__admin/reset?only=journal"))
            #expect(try client.exchange(request(target: "/__admin/requests/count")).text == #"{"count":0}"#)
            #expect(try client.exchange(bodyRequest("POST", "/__admin/reset?only=nonsense")).status == 400)
        }
    }

    /// Issue 5 wants a reset cheap enough for every test; the time is printed, not asserted
    /// (sanitizer builds are many times slower), and what is asserted is that each reset restores.
    @Test func repeatedResetsEachRestoreTheSeed() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let rounds = 200
            let started = Date()
            for _ in 0..<rounds { server.control.reset() }
            let perReset = Date().timeIntervalSince(started) / Double(rounds)
            print("reset of the default seed: \(Int(perReset * 1_000_000)) µs")
            #expect(try client.exchange(bodyRequest("DELETE", "/api/services/zis/integrations/\(Seeded.integration)/connections/api_key/salesforce_prod")).status == 204)
            server.control.reset()
            #expect(try client.exchange(request(target: "/api/services/zis/integrations/\(Seeded.integration)/connections/api_key/salesforce_prod")).status == 200)
        }
    }

    @Test func putStateReplacesAndGetStateExportsMaskedUnlessAsked() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let put = try client.exchange(bodyRequest("PUT", "/__admin/state", body: smallSeedJSON))
            #expect(put.status == 200)
            #expect(put.text == #"{"integrations":1,"connections":4,"tokens":1}"#)
            // The old integration and its token are gone; the new token works.
            #expect(try client.exchange(request(target: Seeded.listPath())).status == 401)
            let list = try client.exchange(request(
                target: Seeded.listPath("small_app"), authorization: "Bearer small-app-token-1"))
            #expect(list.status == 200)

            let masked = try client.exchange(request(target: "/__admin/state")).text
            for secret in ["small-secret-key", "small-secret-password", "small-secret-token", "small-client-secret", "small-app-token-1"] {
                #expect(!masked.contains(secret))
            }
            #expect(masked.contains(#""api_key":"*****""#))
            #expect(!masked.contains("xoxb-clear"), "OAuth tokens are working credentials: masked in the export")
            #expect(masked.contains(#""created_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-03T03:04:05Z""#))

            let revealed = try client.exchange(request(target: "/__admin/state?secrets=true")).text
            #expect(revealed.contains("small-secret-key") && revealed.contains("small-client-secret"))
            // The export is a seed: loading it back gives the same export, byte for byte.
            #expect(try client.exchange(bodyRequest("PUT", "/__admin/state", body: revealed)).status == 200)
            #expect(try client.exchange(request(target: "/__admin/state?secrets=true")).text == revealed)
        }
    }

    /// Issue 17: the integrations' tokens work on the Zendesk surface, so a masked export masks
    /// them too, and says at its top that it is masked (the raw client scans for every seeded
    /// token and secret as well).
    @Test(arguments: ["/__admin/state", "/__admin/state?secrets=false"])
    func theMaskedExportHidesTheTokensAndSaysItIsMasked(target: String) throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let masked = try client.exchange(request(target: target))
            #expect(masked.status == 200)
            #expect(masked.text.hasPrefix(#"{"secrets":"masked","integrations":["#))
            #expect(!masked.text.contains(Seeded.readWriteToken))
            #expect(masked.text.contains(#""tokens":[{"token":"*****","scopes":["read","write"]}"#))
            let exported = try #require(try masked.json()["integrations"] as? [[String: Any]])
            let tokens = exported.flatMap { $0["tokens"] as? [[String: Any]] ?? [] }.map { $0["token"] as? String }
            #expect(!tokens.isEmpty && tokens.allSatisfy { $0 == "*****" }, "\(tokens)")
            // An OAuth connection's tokens are working credentials too, though the API shows
            // them to the token holder: masked in the export.
            let oauthConnections = exported.flatMap { ($0["connections"] as? [String: Any])?["oauth"] as? [[String: Any]] ?? [] }
            let oauthTokens = oauthConnections.flatMap { [$0["access_token"], $0["refresh_token"]] }.map { $0 as? String }
            #expect(!oauthTokens.isEmpty && oauthTokens.allSatisfy { $0 == "*****" }, "\(oauthTokens)")
            #expect(!masked.text.contains("oauth_at_"))
        }
    }

    @Test func aMaskedExportIsRefusedOnLoadAndChangesNothing() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let masked = try client.exchange(request(target: "/__admin/state")).text
            let detail = try Self.invalidSeedDetail(try client.exchange(bodyRequest("PUT", "/__admin/state", body: masked)))
            #expect(detail.hasPrefix("request body:1:2: secrets: this is a masked export"), "\(detail)")
            #expect(detail.contains("?secrets=true"), "\(detail)")
            #expect(try client.exchange(request(target: Seeded.listPath())).status == 200, "the seeded token still works")
            #expect(try client.exchange(request(target: Seeded.listPath(), authorization: "Bearer *****")).status == 401)
        }
    }

    @Test func theDefaultSeedRoundTripsThroughExport() throws {
        try withServer { server in
            // Not read through the raw client: the revealed export holds the seeded secrets.
            let exported = server.control.export(revealSecrets: true)
            try server.control.load(json: exported, file: "export")
            #expect(server.control.export(revealSecrets: true) == exported)
            #expect(server.service.exportSeed().integrations.map(\.connections.count) == [230, 5, 0])
        }
    }

    @Test func anInvalidStateIs400WithTheLoaderMessageAndChangesNothing() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let broken = """
                {"integrations":[{"name":"x_app","connections":{"api_key":[
                  {"name":"x","allowed_domain":"a.example.com","header_name":"X","api_key":"k"}]}}]}
                """
            let detail = try Self.invalidSeedDetail(try client.exchange(bodyRequest("PUT", "/__admin/state", body: broken)))
            #expect(detail.hasPrefix("request body:2:"), "\(detail)")
            #expect(detail.contains("integrations[0].connections.api_key[0].name: name must be 3-64"), "\(detail)")
            #expect(try client.exchange(request(target: Seeded.listPath())).status == 200, "the old state is untouched")
            #expect(try client.exchange(bodyRequest("PUT", "/__admin/state", body: "{not json")).status == 400)
        }
    }

    @Test func readyIs200() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            #expect(try client.exchange(request(target: "/__admin/ready")).text == #"{"status":"ready"}"#)
        }
    }
}
