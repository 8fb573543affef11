import Foundation
import XCTest
import ZISMock

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The README's XCTest example, kept compiling and passing: one mock per test, URLSession as the client.
final class EmbeddingXCTestExample: XCTestCase {
    var mock: ZISMockServer!

    override func setUp() async throws {
        mock = try await ZISMockServer.start()
    }

    override func tearDown() async throws {
        await mock.stop()
    }

    func testMyClientRetriesAfterA429() async throws {
        let token = try await mock.issueToken(for: "acme_crm_sync", scopes: [.read, .write])
        try await mock.inject(.status(429, retryAfter: 1), on: .allConnections, times: 1)

        var request = URLRequest(url: URL(string: mock.baseURL + "/api/services/zis/integrations/acme_crm_sync/connections/all")!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (_, first) = try await URLSession.shared.data(for: request)
        XCTAssertEqual((first as? HTTPURLResponse)?.statusCode, 429)
        XCTAssertEqual((first as? HTTPURLResponse)?.value(forHTTPHeaderField: "Retry-After"), "1")
        let (_, second) = try await URLSession.shared.data(for: request)
        XCTAssertEqual((second as? HTTPURLResponse)?.statusCode, 200)

        let calls = await mock.journal(path: "/api/services/zis/integrations/acme_crm_sync/")
        XCTAssertEqual(calls.map(\.status), [429, 200])
    }
}
