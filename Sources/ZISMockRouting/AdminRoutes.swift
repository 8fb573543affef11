import ZISMockHTTP

/// What zis-mock adds for tests lives under `/__admin/`, which no Zendesk path can collide with (spec §8).
package enum AdminRoutes {
    private static let healthy: [UInt8] = Array(#"{"status":"ok"}"#.utf8)

    package static func register(on router: inout Router) {
        // No auth: container health checks and harnesses poll it before they know any token.
        router.add("GET", "/__admin/health", in: .admin, isOpen: true) { _, _ in .json(200, healthy) }
    }
}
