import ZISMockHTTP

/// Routes as data: method plus path template to a handler. It answers "which handler, with what
/// parameters", or why none: no such path (404) or not that method (405 with the methods that are).
public struct Router: Sendable {
    public typealias Handler = @Sendable (HTTPRequest, PathParameters) -> HTTPResponse

    public struct Route: Sendable {
        public let method: String
        public let pattern: PathPattern
        public let handler: Handler
    }

    public private(set) var routes: [Route] = []

    public init() {}

    public mutating func add(_ method: String, _ template: String, _ handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: PathPattern(template), handler: handler))
    }

    public enum Resolution {
        case matched(Route, PathParameters)
        case notFound
        case methodNotAllowed(allow: [String])
    }

    /// HEAD is served wherever GET is (RFC 9110 §9.3.2); the HTTP layer drops the body.
    /// A literal segment beats a parameter, as in a trie: `/connections/all` belongs to the routes
    /// written with `all`, never to `/connections/{type}`, whatever the method.
    public func resolve(method: String, path: [String]) -> Resolution {
        var candidates: [(route: Route, parameters: PathParameters)] = []
        for route in routes {
            guard let parameters = route.pattern.match(path) else { continue }
            if let best = candidates.first {
                if best.route.pattern.isMoreSpecific(than: route.pattern) { continue }
                if route.pattern.isMoreSpecific(than: best.route.pattern) { candidates.removeAll() }
            }
            candidates.append((route, parameters))
        }
        if let exact = candidates.first(where: { $0.route.method == method })
            ?? candidates.first(where: { method == "HEAD" && $0.route.method == "GET" }) {
            return .matched(exact.route, exact.parameters)
        }
        let allowed = candidates.flatMap { $0.route.method == "GET" ? ["GET", "HEAD"] : [$0.route.method] }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allow: allowed)
    }
}
