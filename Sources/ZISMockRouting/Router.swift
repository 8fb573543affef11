import ZISMockHTTP

/// Routes as data: method plus path template to a handler. It answers "which handler, with what
/// parameters", or why none: no such path (404) or not that method (405 with the methods that are).
public struct Router: Sendable {
    public typealias Handler = @Sendable (HTTPRequest, PathParameters) -> HTTPResponse

    public struct Route: Sendable {
        public let method: String
        public let pattern: PathPattern
        let handler: Handler
    }

    public private(set) var routes: [Route] = []

    public init() {}

    public mutating func add(_ method: String, _ template: String, _ handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: PathPattern(template), handler: handler))
    }

    public enum Resolution {
        case matched(Handler, PathParameters)
        case notFound
        case methodNotAllowed(allow: [String])
    }

    /// HEAD is served wherever GET is (RFC 9110 §9.3.2); the HTTP layer drops the body.
    public func resolve(method: String, path: [String]) -> Resolution {
        var allowed: [String] = []
        for route in routes {
            guard let parameters = route.pattern.match(path) else { continue }
            if route.method == method || (method == "HEAD" && route.method == "GET") {
                return .matched(route.handler, parameters)
            }
            allowed.append(route.method)
            if route.method == "GET" { allowed.append("HEAD") }
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allow: allowed)
    }
}
