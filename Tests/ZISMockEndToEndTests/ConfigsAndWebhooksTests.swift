import Foundation
import Testing
import ZISMock

/// Issue 22: the ZIS Configs API and inbound webhooks over real sockets, with the seeded
/// integration's token: their validation, what they answer, what the export and journal keep.
@Suite("End to end: configs and inbound webhooks")
struct ConfigsAndWebhooksTests {
    static let configs = "/api/services/zis/integrations/\(Seeded.integration)/configs"
    static let webhooks = "/api/services/zis/inbound_webhooks/generic/\(Seeded.integration)"

    @Test func createListUpdateMergeAndDeleteAConfig() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let created = try client.send("POST", Self.configs, json: #"{"scope":"crm_settings","config":{"a":{"b":1,"c":2},"d":"x"}}"#)
            #expect(created.status == 201)
            let config = try created.json()
            #expect(config["scope"] as? String == "crm_settings" && config["integration"] as? String == Seeded.integration)
            #expect(config["id"] as? Int == 1 && config["zendesk_account_id"] as? Int == 10_000_001)
            #expect(created.text.hasPrefix(#"{"config":{"a":{"b":1,"c":2},"d":"x"},"created_at":""#))
            _ = try client.send("POST", Self.configs, json: #"{"scope":"other","config":{}}"#)

            #expect(try client.send("POST", Self.configs, json: #"{"scope":"crm_settings","config":{}}"#).status == 409)
            for (body, detail) in [
                (#"{"config":{}}"#, "scope is required"), (#"{"scope":"s"}"#, "config is required"),
                (#"{"scope":"s","config":[1]}"#, "config must be an object, found an array"),
                (#"{"scope":"s","config":{},"x":1}"#, "Unknown field x (expected one of: scope, config)"),
            ] {
                let refused = try client.send("POST", Self.configs, json: body)
                #expect(refused.status == 400 && refused.errorDetail == detail)
            }

            let missingFilter = try client.send("GET", Self.configs)
            #expect(missingFilter.status == 400 && missingFilter.errorDetail == "filter[scope] is required")
            let exact = try client.send("GET", Self.configs + "?filter[scope]=crm_settings").json()
            #expect((exact["configs"] as? [[String: Any]])?.map { $0["scope"] as? String } == ["crm_settings"])
            let wildcard = try client.send("GET", Self.configs + "?filter%5Bscope%5D=*t*").json()
            #expect((wildcard["configs"] as? [[String: Any]])?.map { $0["scope"] as? String } == ["crm_settings", "other"])
            // Pages by scope, whatever characters the cursor scope has.
            _ = try client.send("POST", Self.configs, json: #"{"scope":"acme:42/name","config":{}}"#)
            let paged = try client.send("GET", Self.configs + "?filter[scope]=*&page[size]=1").json()
            #expect((paged["meta"] as? [String: Any])?["after"] as? String == "acme:42/name")
            #expect((paged["meta"] as? [String: Any])?["has_more"] as? Bool == true)
            let second = try client.send("GET", Self.configs + "?filter[scope]=*&page[size]=1&page[after]=acme:42%2Fname").json()
            #expect((second["configs"] as? [[String: Any]])?.map { $0["scope"] as? String } == ["crm_settings"])
            #expect(try client.send("GET", Self.configs + "?filter[scope]=*&page[size]=0").status == 400)

            let merged = try client.send("PATCH", Self.configs + "/crm_settings", json: #"{"config":{"a":{"b":5},"e":true}}"#)
            #expect(merged.status == 200 && merged.text.hasPrefix(#"{"config":{"a":{"b":5,"c":2},"d":"x","e":true},"#))
            let replaced = try client.send("PUT", Self.configs + "/crm_settings", json: #"{"config":{"z":0}}"#)
            #expect(replaced.status == 200 && replaced.text.hasPrefix(#"{"config":{"z":0},"#))
            #expect(try client.send("PUT", Self.configs + "/crm_settings", json: #"{"scope":"x","config":{}}"#).status == 400)
            #expect(try client.send("PATCH", Self.configs + "/missing", json: #"{"config":{}}"#).status == 404)

            let state = try client.send("GET", "/__admin/state", authorization: nil).text
            #expect(state.contains(#""configs":[\#n{"id":3,"scope":"acme:42/name","config":{},"#))
            #expect(state.contains(#"{"id":1,"scope":"crm_settings","config":{"z":0},"#))
            #expect(try client.send("DELETE", Self.configs + "/crm_settings").status == 204)
            #expect(try client.send("DELETE", Self.configs + "/crm_settings").status == 404)
            // Another integration's token cannot read them.
            #expect(try client.send("GET", Self.configs + "?filter[scope]=*", authorization: "Bearer \(Seeded.slackToken)").status == 401)
        }
    }

    @Test func aWebhookTakesPostsWithItsCredentialsAndTheJournalKeepsThem() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            for (body, detail) in [(#"{"source_system":"crm"}"#, "event_type is required"), (#"{"event_type":"e"}"#, "source_system is required")] {
                let refused = try client.send("POST", Self.webhooks, json: body)
                #expect(refused.status == 400 && refused.errorDetail == detail)
            }
            let created = try client.send("POST", Self.webhooks, json: #"{"source_system":"crm","event_type":"deal.won"}"#)
            #expect(created.status == 201)
            let webhook = try created.json()
            let id = try #require(webhook["id"] as? String)
            let path = try #require(webhook["path"] as? String)
            let username = try #require(webhook["username"] as? String)
            let password = try #require(webhook["password"] as? String)
            #expect(webhook["uuid"] as? String == id && webhook["integration"] as? String == Seeded.integration)
            #expect(path.hasPrefix("/api/services/zis/inbound_webhooks/generic/ingest/"))
            #expect(try client.send("GET", Self.webhooks + "/" + id).json()["path"] as? String == path)
            #expect(try client.send("GET", Self.webhooks).text.contains(id))
            #expect(try client.send("GET", Self.webhooks + "/nope").status == 404)

            let basic = SetUpJourneyTests.basic("\(username):\(password)")
            let delivered = try client.send("POST", path, json: #"{"deal_id":42,"password":"hunter2"}"#, authorization: basic)
            #expect(delivered.status == 200 && delivered.body.isEmpty)
            #expect(try client.send("POST", path, json: "{}", authorization: SetUpJourneyTests.basic("\(username):wrong")).status == 401)
            #expect(try client.send("POST", path, json: "{}", authorization: nil).status == 401)
            #expect(try client.send("POST", path, json: "{}", authorization: "Bearer \(Seeded.readWriteToken)").status == 401)

            let journal = try client.send("GET", "/__admin/requests?path=\(path)&status=2xx", authorization: nil).text
            #expect(journal.contains(#""body":"{\"deal_id\":42,\"password\":\"*****\"}""#))
            let everything = try client.send("GET", "/__admin/requests", authorization: nil).text
            #expect(!everything.contains(password) && !everything.contains(basic.dropFirst(6)))

            let masked = try client.send("GET", "/__admin/state", authorization: nil).text
            #expect(masked.contains(#""username":"\#(username)","password":"*****""#) && !masked.contains(password))
            client.raw.scansForSecrets = false  // the full export reveals the seed's secrets on purpose
            let revealed = try client.send("GET", "/__admin/state?secrets=true", authorization: nil)
            #expect(revealed.text.contains(#""password":"\#(password)""#))
            // The full export loads back to the same state: the webhook still takes posts.
            #expect(try client.send("PUT", "/__admin/state", json: revealed.text, authorization: nil).status == 200)
            #expect(try client.send("GET", "/__admin/state?secrets=true", authorization: nil).text == revealed.text)
            #expect(try client.send("POST", path, json: "{}", authorization: basic).status == 200)
            client.raw.scansForSecrets = true

            #expect(try client.send("DELETE", Self.webhooks + "/" + id).status == 204)
            #expect(try client.send("POST", path, json: "{}", authorization: basic).status == 404)
        }
    }
}
