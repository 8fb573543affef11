import ZISMockHTTP

/// Work around the answer to a request (Hummingbird's `MiddlewareProtocol`): it may answer
/// instead (`next` not called), or change the answer `next` produced. Called on the event loop's
/// thread, like the handler it wraps: keep it quick.
package protocol Middleware: Sendable {
    func handle(_ request: HTTPRequest, _ context: RouteContext, next: () -> HTTPResponse) -> HTTPResponse
}

/// What routing found for a request, before anything answered it.
package struct RouteContext: Sendable {
    let match: Router.Match

    init(_ match: Router.Match) {
        self.match = match
    }

    package var resolution: Router.Resolution { match.resolution }
    /// The matched route; nil for 404 and 405.
    package var route: Router.Route? { match.route }
    package var parameters: PathParameters { match.parameters }
    /// The matched route's group, or for a miss the group whose prefix the path starts with.
    package var group: RouteGroup { match.group }

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
