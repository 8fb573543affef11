import ZISMockHTTP

/// Which browser origins may call the mock (Zendesk apps run in a browser), as a value.
public struct CORSPolicy: Sendable {
    /// `["*"]` allows any origin; otherwise exact origins such as `https://acme.zendesk.com`.
    public var allowedOrigins: [String]
    /// How long a browser may cache a preflight answer.
    public var maxAgeSeconds = 600

    public init(allowedOrigins: [String] = ["*"]) {
        self.allowedOrigins = allowedOrigins
    }

    /// The `Access-Control-Allow-Origin` value for `origin`, or nil when it is not allowed.
    func allowOrigin(for origin: String) -> String? {
        if allowedOrigins.contains("*") { return "*" }
        return allowedOrigins.contains(origin) ? origin : nil
    }
}

/// Answers CORS preflights and marks responses for allowed origins. A preflight (`OPTIONS` with
/// `Origin` and `Access-Control-Request-Method`) is answered here, for the methods the router
/// serves on that path; any other request goes on and gets `Access-Control-Allow-Origin` when its
/// `Origin` is allowed.
package struct CORSMiddleware: Middleware {
    private let policy: CORSPolicy
    /// Headers a browser script may read besides the CORS-safelisted ones (rate limiting, 429).
    private static let exposed = "Retry-After, X-Rate-Limit, X-Rate-Limit-Remaining, Location"

    package init(_ policy: CORSPolicy) {
        self.policy = policy
    }

    package func handle(_ request: HTTPRequest, _ context: RouteContext, next: () -> HTTPResponse) -> HTTPResponse {
        guard let origin = request.headers["Origin"] else { return next() }
        if request.method == "OPTIONS", request.headers["Access-Control-Request-Method"] != nil {
            return preflight(request, context, origin: origin, next: next)
        }
        var response = next()
        if let allowed = policy.allowOrigin(for: origin) {
            response.headers.append(("Access-Control-Allow-Origin", allowed))
            response.headers.append(("Access-Control-Expose-Headers", Self.exposed))
            if allowed != "*" { response.headers.append(("Vary", "Origin")) }
        }
        return response
    }

    private func preflight(_ request: HTTPRequest, _ context: RouteContext, origin: String, next: () -> HTTPResponse) -> HTTPResponse {
        let methods: [String]
        switch context.resolution {
        case .methodNotAllowed(let allow): methods = allow
        case .matched(let route, _): methods = [route.method]
        case .notFound: return next()  // the router's 404, in the usual envelope
        }
        guard let allowed = policy.allowOrigin(for: origin) else {
            return HTTPResponse(status: 204, headers: [("Vary", "Origin")])  // no CORS headers: the browser refuses
        }
        var headers: [(name: String, value: String)] = [
            ("Access-Control-Allow-Origin", allowed),
            ("Access-Control-Allow-Methods", (methods + ["OPTIONS"]).joined(separator: ", ")),
            ("Access-Control-Allow-Headers", request.headers["Access-Control-Request-Headers"] ?? "Authorization, Content-Type"),
            ("Access-Control-Max-Age", String(policy.maxAgeSeconds)),
        ]
        if allowed != "*" { headers.append(("Vary", "Origin")) }
        return HTTPResponse(status: 204, headers: headers)
    }
}
