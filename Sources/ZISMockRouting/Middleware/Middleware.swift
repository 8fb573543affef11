import ZISMockHTTP

/// Work around the answer to a request (Hummingbird's `MiddlewareProtocol`): it may answer
/// instead (`next` not called), or change the answer `next` produced. Called on the event loop's
/// thread, like the handler it wraps: keep it quick.
package protocol Middleware: Sendable {
    func handle(_ request: HTTPRequest, _ context: RouteContext, next: () -> HTTPResponse) -> HTTPResponse
}

/// What routing found for a request, before anything answered it. The route and its
/// parameters are read out of the resolution rather than stored beside it: the context is made
/// and dropped for every request, and each stored reference is a retain and a release.
package struct RouteContext: Sendable {
    package let resolution: Router.Resolution
    /// The matched route's group, or for a miss the group whose prefix the path starts with.
    package let group: RouteGroup

    init(_ resolution: Router.Resolution, path: RequestPath) {
        self.resolution = resolution
        if case .matched(let route, _) = resolution { group = route.group } else { group = RouteGroup.containing(path.segments) }
    }

    /// The matched route; nil for 404 and 405.
    package var route: Router.Route? {
        if case .matched(let route, _) = resolution { route } else { nil }
    }

    package var parameters: PathParameters {
        if case .matched(_, let parameters) = resolution { parameters } else { PathParameters() }
    }

    /// e.g. `/api/services/zis/integrations/{integration}/connections/all`; nil for 404 and 405.
    package var routeTemplate: String? { route?.pattern.description }
}

/// A middleware and the groups it works in, as one entry of the ordered list.
package struct MiddlewareEntry: Sendable {
    let middleware: any Middleware
    let groups: Set<RouteGroup>

    package init(_ middleware: any Middleware, in groups: Set<RouteGroup> = Set(RouteGroup.all)) {
        self.middleware = middleware
        self.groups = groups
    }
}
