import ZISDomain
import ZISMockHTTP

/// Turns HTTP requests into ZIS answers: routing first (404/405 come before authentication, spec §2),
/// then the matched handler.
public struct ZISResponder: HTTPResponder {
    public let router: Router

    public init(router: Router) {
        self.router = router
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        switch router.resolve(method: request.method, path: request.pathSegments) {
        case .matched(let handler, let parameters): handler(request, parameters)
        case .notFound: HTTPResponse(.notFound(detail: "No route for \(request.method) \(request.rawPath)"))
        case .methodNotAllowed(let allow): HTTPResponse(.methodNotAllowed(allow: allow))
        }
    }

    public func respond(to failure: HTTPRequestFailure) -> HTTPResponse {
        var response = HTTPResponse(ZISError(failure))
        response.closesConnection = true
        return response
    }
}
