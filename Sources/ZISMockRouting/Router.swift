import ZISMockHTTP

/// Routes as data: method plus path template to a handler, in a group. It answers "which
/// handler, with what parameters", or why none: no such path (404) or not that method (405
/// with the methods that are), and in every case which group the request belongs to.
package struct Router: Sendable {
    package typealias Handler = @Sendable (HTTPRequest, PathParameters) -> HTTPResponse

    /// A class: routing hands the matched route through the middleware to the handler, and a
    /// reference is one retain where a struct of arrays, strings and a closure was several.
    package final class Route: Sendable {
        package let method: String
        package let pattern: PathPattern
        package let group: RouteGroup
        /// Answered without the group's credentials: container health checks poll
        /// `/__admin/health` before they know any token.
        package let isOpen: Bool
        package let handler: Handler

        init(method: String, pattern: PathPattern, group: RouteGroup, isOpen: Bool, handler: @escaping Handler) {
            self.method = method
            self.pattern = pattern
            self.group = group
            self.isOpen = isOpen
            self.handler = handler
        }
    }

    package private(set) var routes: [Route] = []
    private var tree = RouteTree()
    /// Who made a `Match`: renewed by every `add`, so no router, and no copy of one that has
    /// routes added since, reads another's.
    private var identity = Identity()
    fileprivate final class Identity: Sendable {}

    package init() {}

    package mutating func add(
        _ method: String, _ template: String, in group: RouteGroup = .zendesk, isOpen: Bool = false, _ handler: @escaping Handler
    ) {
        let route = Route(method: method, pattern: PathPattern(template), group: group, isOpen: isOpen, handler: handler)
        precondition(route.pattern.starts(with: group.prefix), "\(template) lies outside the \(group) group")
        tree.insert(route.pattern, route: routes.count)
        routes.append(route)
        identity = Identity()
    }

    package enum Resolution: Sendable {
        case matched(Route, PathParameters)
        case notFound
        case methodNotAllowed(allow: [String])
    }

    /// What routing found for one method and path, and the request's group. A class: the
    /// context carries it through the middleware as one reference, where the resolution's
    /// payload was copied out (four references) at every read of its route or parameters; and
    /// a repeated path's memo keeps it whole.
    package final class Match: Sendable {
        /// The matched route; nil for 404 and 405.
        package let route: Route?
        /// The matched route's; none for 404 and 405.
        package let parameters: PathParameters
        /// For 405, the methods the path is served with; empty otherwise.
        private let allow: [String]
        /// The matched route's group, or for a miss the group whose prefix the path starts with.
        package let group: RouteGroup
        /// Whose match it is, for a memo: the router and the method.
        fileprivate let router: Identity
        fileprivate let method: String

        fileprivate init(_ resolution: Resolution, path: RequestPath, router: Identity, method: String) {
            switch resolution {
            case .matched(let route, let parameters):
                (self.route, self.parameters, allow, group) = (route, parameters, [], route.group)
            case .methodNotAllowed(let allow):
                (route, parameters, self.allow, group) = (nil, PathParameters(), allow, RouteGroup.containing(path.segments))
            case .notFound:
                (route, parameters, allow, group) = (nil, PathParameters(), [], RouteGroup.containing(path.segments))
            }
            (self.router, self.method) = (router, method)
        }

        package var resolution: Resolution {
            if let route { .matched(route, parameters) } else if allow.isEmpty { .notFound } else { .methodNotAllowed(allow: allow) }
        }
    }

    /// HEAD is served wherever GET is (RFC 9110 §9.3.2); the HTTP layer drops the body.
    /// A literal segment beats a parameter (`RouteTree`): `/connections/all` belongs to the routes
    /// written with `all`, never to `/connections/{type}`, whatever the method.
    /// With a `memo`, the match is found once and kept there (for this router and method).
    package func match(method: String, path: RequestPath, memo: PathMemo? = nil) -> Match {
        if let kept = memo?.load() as? Match, kept.router === identity, kept.method == method { return kept }
        let found = Match(resolve(method: method, path: path), path: path, router: identity, method: method)
        memo?.storeIfNil(found)
        return found
    }

    private func resolve(method: String, path: RequestPath) -> Resolution {
        var resolution = Resolution.notFound
        path.withSegments { path in
            let candidates = tree.routes(fitting: path)
            guard !candidates.isEmpty else { return }
            let found = candidates.first { routes[$0].method == method }
                ?? (method == "HEAD" ? candidates.first { routes[$0].method == "GET" } : nil)
            if let found {
                resolution = .matched(routes[found], routes[found].pattern.parameters(of: path))
            } else {
                resolution = .methodNotAllowed(allow: candidates.flatMap { routes[$0].method == "GET" ? ["GET", "HEAD"] : [routes[$0].method] })
            }
        }
        return resolution
    }
}
