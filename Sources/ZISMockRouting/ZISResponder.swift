import ZISDomain
import ZISMockHTTP

/// Turns HTTP requests into answers: the router finds the route (404/405 come before
/// authentication, spec §2), then the middleware of the request's group runs, in list order,
/// around the route's handler. One path for every request, tests and benchmarks included.
package struct ZISResponder: HTTPResponder {
    package let router: Router
    /// Each group's share of the ordered middleware list, worked out once, by `RouteGroup.index`.
    private let middlewareByGroup: [[any Middleware]]

    package init(router: Router, middleware: [MiddlewareEntry] = []) {
        self.router = router
        middlewareByGroup = RouteGroup.all.map { group in middleware.filter { $0.groups.contains(group) }.map(\.middleware) }
    }

    package func respond(to request: HTTPRequest) -> HTTPResponse {
        let context = RouteContext(router.match(method: request.method, path: request.path, memo: request.pathMemo))
        return run(middlewareByGroup[context.group.index], from: 0, request, context)
    }

    private func run(_ middleware: [any Middleware], from index: Int, _ request: HTTPRequest, _ context: RouteContext) -> HTTPResponse {
        guard index < middleware.count else { return answer(request, context.match) }
        return middleware[index].handle(request, context) { run(middleware, from: index + 1, request, context) }
    }

    private func answer(_ request: HTTPRequest, _ match: Router.Match) -> HTTPResponse {
        if let route = match.route { return route.handler(request, match.parameters) }
        if case .methodNotAllowed(let allow) = match.resolution { return HTTPResponse(.methodNotAllowed(allow: allow)) }
        return HTTPResponse(.noRoute(for: request))
    }

    package func respond(to failure: HTTPRequestFailure) -> HTTPResponse {
        var response = HTTPResponse(ZISError(failure))
        response.closesConnection = true
        return response
    }
}
