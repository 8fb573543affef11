import ZISMockHTTP

/// `GET /__admin/`: the dashboard (issue 21), one HTML document with its CSS and script inline
/// (`dashboard/index.html`), compiled into the binary as `DashboardRoute.html` by the
/// EmbedAsLiteral build-tool plugin. The page holds no data: it reads everything from the admin
/// API with the token the user types, so it is served without the token (a browser cannot send a
/// bearer token when it opens a URL) and only while the control plane is on.
package enum DashboardRoute {
    package static let path = "/__admin/"
    package static let sourcePath = "dashboard/index.html"

    /// The page reaches nothing but this server: inline script and style, calls to its own origin.
    static let headers = [
        (name: "Content-Type", value: "text/html; charset=utf-8"),
        (name: "Content-Security-Policy", value:
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
        (name: "X-Content-Type-Options", value: "nosniff"),
        (name: "Referrer-Policy", value: "no-referrer"),
        (name: "Cache-Control", value: "no-cache"),
    ]

    /// The page's bytes, built once.
    package static let document: [UInt8] = Array(html.utf8)

    package static func register(on router: inout Router) {
        router.add("GET", path, in: .admin, isOpen: true) { _, _ in HTTPResponse(status: 200, headers: headers, body: document) }
        // The address people type; the page itself lives at the folder's URL.
        router.add("GET", "/__admin", in: .admin, isOpen: true) { _, _ in HTTPResponse(status: 308, headers: [(name: "Location", value: path)]) }
    }
}
