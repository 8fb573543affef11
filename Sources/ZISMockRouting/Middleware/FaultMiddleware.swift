import ZISDomain
import ZISMockHTTP

/// Injected failures (spec §8): the `X-ZIS-Mock-Fault` header of the request itself, else the
/// first fault rule that matches. A delay holds only this connection's answer: the HTTP layer
/// waits, the event loop goes on serving the others.
package struct FaultMiddleware: Middleware {
    let faults: FaultInjector
    /// `--no-header-faults` turns the request header off.
    let honoursHeader: Bool

    package init(_ faults: FaultInjector, honoursHeader: Bool) {
        self.faults = faults
        self.honoursHeader = honoursHeader
    }

    package func handle(_ request: HTTPRequest, _ context: RouteContext, next: () -> HTTPResponse) -> HTTPResponse {
        // No rules and no header (the usual case): one atomic read and a presence bit.
        guard faults.hasRules || (honoursHeader && request.headers[FaultHeader.name] != nil) else { return next() }
        var action: FaultAction?
        if honoursHeader, let header = request.headers[FaultHeader.name] {
            do {
                action = try FaultHeader.parse(header)
            } catch {
                return HTTPResponse(error)
            }
        }
        if action == nil { action = faults.action(for: request, routeTemplate: context.routeTemplate, parameters: context.parameters) }
        guard let action else { return next() }
        var response: HTTPResponse
        switch action.connection {
        case .drop?: response = .unanswered(.drop)
        case .reset?: response = .unanswered(.reset)
        case nil: response = action.status.map { HTTPResponse(action.error(status: $0)) } ?? next()
        }
        if action.truncateBody { response.misbehaviour = .truncateBody }
        response.delayMilliseconds = action.delayMilliseconds
        return response
    }
}
