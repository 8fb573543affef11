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
    /// Indices into `routes` by segment count: a path is only ever compared with the patterns of its
    /// own length, a handful instead of every route, on every request.
    private var routesBySegmentCount: [[Int]] = []

    package init() {}

    package mutating func add(
        _ method: String, _ template: String, in group: RouteGroup = .zendesk, isOpen: Bool = false, _ handler: @escaping Handler
    ) {
        let route = Route(method: method, pattern: PathPattern(template), group: group, isOpen: isOpen, handler: handler)
        precondition(route.pattern.starts(with: group.prefix), "\(template) lies outside the \(group) group")
        let length = route.pattern.segments.count
        while routesBySegmentCount.count <= length { routesBySegmentCount.append([]) }
        routesBySegmentCount[length].append(routes.count)
        routes.append(route)
    }

    package enum Resolution: Sendable {
        case matched(Route, PathParameters)
        case notFound
        case methodNotAllowed(allow: [String])
    }

    /// HEAD is served wherever GET is (RFC 9110 §9.3.2); the HTTP layer drops the body.
    /// A literal segment beats a parameter, as in a trie: `/connections/all` belongs to the routes
    /// written with `all`, never to `/connections/{type}`, whatever the method.
    package func resolve(method: String, path: [String]) -> Resolution {
        guard path.count < routesBySegmentCount.count else { return .notFound }
        let sameLength = routesBySegmentCount[path.count]
        // The most specific matching pattern; the candidates are the routes written with it (or one
        // of the same shape), one per method. Specificity orders the shapes totally (literal before
        // parameter at the first difference), so one pass finds the best shape and, among the
        // routes of that shape, the first for the method (or, for HEAD, for GET), matching each
        // pattern once and building no list: this runs per request.
        var best: Int?
        var chosen: Int?
        var getForHEAD: Int?
        for index in sameLength where routes[index].pattern.matches(path) {
            if let current = best {
                if routes[current].pattern.isMoreSpecific(than: routes[index].pattern) { continue }
                if routes[index].pattern.isMoreSpecific(than: routes[current].pattern) { (best, chosen, getForHEAD) = (index, nil, nil) }
            } else {
                best = index
            }
            if chosen == nil, routes[index].method == method { chosen = index }
            if getForHEAD == nil, method == "HEAD", routes[index].method == "GET" { getForHEAD = index }
        }
        guard let best else { return .notFound }
        if let found = chosen ?? getForHEAD { return .matched(routes[found], routes[found].pattern.parameters(of: path)) }
        let mostSpecific = routes[best].pattern
        let isCandidate = { (index: Int) in
            routes[index].pattern.matches(path) && !mostSpecific.isMoreSpecific(than: routes[index].pattern)
        }
        let allowed = sameLength.filter(isCandidate).flatMap { routes[$0].method == "GET" ? ["GET", "HEAD"] : [routes[$0].method] }
        return .methodNotAllowed(allow: allowed)
    }
}
