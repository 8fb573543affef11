import ZISDomain
import ZISMockHTTP

/// `--admin-token`: the control plane answers only requests that carry it as a bearer token,
/// except its open routes (`/__admin/health`). Unknown admin paths are guarded too, so a caller
/// without the token learns nothing about which exist.
package struct AdminTokenMiddleware: Middleware {
    let token: String

    package init(token: String) {
        self.token = token
    }

    private static let refusal = ZISError(
        status: 401, code: "InvalidCredentials", title: "Authentication failed",
        detail: "/__admin/ needs Authorization: Bearer <the --admin-token>")

    package func handle(_ request: HTTPRequest, _ context: RouteContext, next: () -> HTTPResponse) -> HTTPResponse {
        if context.route?.isOpen == true { return next() }
        guard Credentials(authorizationHeader: request.headers["Authorization"]) == .bearer(token: token) else {
            return HTTPResponse(Self.refusal)
        }
        return next()
    }
}
