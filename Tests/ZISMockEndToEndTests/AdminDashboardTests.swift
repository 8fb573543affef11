import Foundation
import Testing
import ZISMock
import ZISMockRouting

/// Issue 21: `GET /__admin/` serves `dashboard/index.html` as it is in the repository, open even
/// with `--admin-token` (it holds no data; every figure on it comes from the admin API with the
/// token), locked to its own origin, and not at all with `--no-admin`. What the page does is
/// tested in headless Chromium by `scripts/test-dashboard`.
@Suite("Admin: the dashboard page")
struct AdminDashboardTests {
    static let page = repositoryRoot.appendingPathComponent(DashboardRoute.sourcePath)

    @Test func servedByteForByteWithoutTheTokenAndLockedToItsOrigin() throws {
        let onDisk = try Data(contentsOf: Self.page)
        try withServer(configure: { $0.admin.token = "dashboard-test-token" }) { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try client.exchange(request(target: "/__admin/", authorization: nil))
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.body == Array(onDisk))
            let policy = try #require(response.header("Content-Security-Policy"))
            #expect(policy.hasPrefix("default-src 'none';") && policy.contains("connect-src 'self'"))
            #expect(!response.text.contains(Seeded.integration), "the page carries no state")
            // Everything it shows needs the token.
            #expect(try client.exchange(request(target: "/__admin/requests", authorization: nil)).status == 401)
            let bare = try client.exchange(request(target: "/__admin", authorization: nil))
            #expect(bare.status == 308 && bare.header("Location") == "/__admin/")
        }
    }

    @Test func absentWithoutTheControlPlane() throws {
        try withServer(configure: { $0.admin.enabled = false }) { server in
            let client = try RawHTTPClient(port: server.port)
            #expect(try client.exchange(request(target: "/__admin/")).status == 404)
            #expect(try client.exchange(request(target: "/__admin")).status == 404)
        }
    }
}
