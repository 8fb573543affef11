import Foundation
import Testing
import ZISMock

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Issue 22 through the Swift API: a test uploads a bundle, installs its job spec, creates an
/// inbound webhook, posts to it with URLSession and asserts what was installed and delivered.
@Suite("Embedding: set-up resources")
struct EmbeddingSetUpTests {
    @Test func uploadInstallCreateAndSeeTheDelivery() async throws {
        let mock = try await ZISMockServer.start()
        defer { Task { await mock.stop() } }
        try await mock.uploadBundle(Array(BundleValidationTests.bundle().utf8), to: Seeded.integration)
        await #expect(throws: ZISError.self) { try await mock.uploadBundle(Array(#"{"name":"x"}"#.utf8), to: Seeded.integration) }
        try await mock.setJobSpec("my_job_spec", of: Seeded.integration)
        await #expect(throws: ZISError.self) { try await mock.setJobSpec("undefined", of: Seeded.integration) }
        #expect(await mock.installedJobSpecs(of: Seeded.integration) == ["my_job_spec"])

        let webhook = try await mock.createInboundWebhook(for: Seeded.integration, sourceSystem: "crm", eventType: "deal.won")
        var request = URLRequest(url: URL(string: mock.baseURL + webhook.path)!)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"deal_id":7}"#.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(SetUpJourneyTests.basic("\(webhook.username):\(webhook.password)"), forHTTPHeaderField: "Authorization")
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(await mock.inboundWebhookDeliveries(to: webhook).map(\.body) == [#"{"deal_id":7}"#])

        await mock.reset()
        #expect(await mock.installedJobSpecs(of: Seeded.integration).isEmpty)
    }
}
