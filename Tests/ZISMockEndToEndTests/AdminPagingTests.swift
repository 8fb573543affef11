import Foundation
import Testing
import ZISMock

/// Issue 21's paging of the admin API, which lets the dashboard show 10,000 journal entries and
/// 100,000 connections a page at a time: `order`, `limit`, `before`, `after` on the journal;
/// `integration`, `offset`, `limit` on the state export; and `/__admin/state/counts`.
@Suite("Admin: paging the journal and the state")
struct AdminPagingTests {
    @Test func theJournalPagesNewestFirstByID() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            for index in 1...5 { _ = try client.exchange(request(index == 3 ? "POST" : "GET", Seeded.listPath())) }
            func ids(_ query: String) throws -> [Int] {
                let body = try client.exchange(request(target: "/__admin/requests?" + query)).json()
                return (body["requests"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            }
            #expect(try ids("order=newest&limit=2") == [5, 4])
            #expect(try ids("order=newest&limit=2&before=4") == [3, 2])
            #expect(try ids("after=3") == [4, 5])
            #expect(try ids("limit=2") == [1, 2], "oldest first, as before, unless asked")
            #expect(try ids("order=newest&method=GET&limit=3") == [5, 4, 2], "the filter applies before the limit")
            #expect(try ids("before=3&after=1") == [2])
            for query in ["limit=-1", "order=sideways", "before=x", "after=", "limit=2&bogus=1"] {
                let response = try client.exchange(request(target: "/__admin/requests?" + query))
                #expect(response.status == 400, "\(query)")
                #expect(response.errorDetail?.isEmpty == false)
            }
        }
    }

    @Test func theStateExportsOneIntegrationAPageOfEachList() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let whole = try client.exchange(request(target: "/__admin/state")).json()
            let window = try client.exchange(request(target: "/__admin/state?integration=\(Seeded.integration)&offset=1&limit=2")).json()
            #expect(window["secrets"] as? String == "masked")
            let integrations = try #require(window["integrations"] as? [[String: Any]])
            #expect(integrations.map { $0["name"] as? String } == [Seeded.integration])
            let full = try #require((whole["integrations"] as? [[String: Any]])?.first { $0["name"] as? String == Seeded.integration })
            func names(_ integration: [String: Any], _ type: String) -> [String] {
                ((integration["connections"] as? [String: Any])?[type] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            }
            for type in ["api_key", "basic_auth", "bearer_token", "oauth"] {
                #expect(names(integrations[0], type) == Array(names(full, type)[1...2]), "\(type)")
            }
            #expect((integrations[0]["tokens"] as? [Any])?.count == 1, "the seed's two tokens from the second")
            #expect(window["admins"] as? [Any] != nil, "the account's lists are not cut")

            let skeleton = try client.exchange(request(target: "/__admin/state?limit=0")).json()
            let all = try #require(skeleton["integrations"] as? [[String: Any]])
            #expect(all.count == 3 && all.allSatisfy { ($0["tokens"] as? [Any])?.isEmpty == true })
            let inClear = try RawHTTPClient(port: server.port)
            inClear.scansForSecrets = false  // asked for in clear
            let clear = try inClear.exchange(request(target: "/__admin/state?integration=\(Seeded.integration)&limit=1&secrets=true"))
            #expect(clear.status == 200 && !clear.text.contains(#""secrets":"masked""#))

            let unknown = try client.exchange(request(target: "/__admin/state?integration=nobody"))
            #expect(unknown.status == 404 && unknown.errorDetail == "No integration nobody")
            for query in ["offset=-1", "limit=x"] {
                #expect(try client.exchange(request(target: "/__admin/state?" + query)).status == 400, "\(query)")
            }
        }
    }

    @Test func theCountsHaveTheSeedsShape() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let counts = try client.exchange(request(target: "/__admin/state/counts")).json()
            let export = try client.exchange(request(target: "/__admin/state")).json()
            #expect(counts["admins"] as? Int == (export["admins"] as? [Any])?.count)
            let counted = try #require(counts["integrations"] as? [[String: Any]])
            let exported = try #require(export["integrations"] as? [[String: Any]])
            #expect(counted.map { $0["name"] as? String } == exported.map { $0["name"] as? String })
            for (count, integration) in zip(counted, exported) {
                #expect(count["tokens"] as? Int == (integration["tokens"] as? [Any])?.count)
                #expect(count["oauth_clients"] as? Int == (integration["oauth_clients"] as? [Any])?.count)
                #expect(count["registered"] as? Bool == (integration["registration"] != nil))
                for part in ["configs", "bundles", "installed_job_specs", "inbound_webhooks"] {
                    #expect(count[part] as? Int == (integration[part] as? [Any])?.count ?? 0, "\(part)")
                }
                let types = try #require(integration["connections"] as? [String: [Any]])
                #expect(count["connections"] as? [String: Int] == types.mapValues(\.count))
            }
            let acme = try #require(counted.first { $0["name"] as? String == Seeded.integration })
            #expect((acme["connections"] as? [String: Int])?.values.reduce(0, +) == Seeded.connectionCount)
        }
    }
}
