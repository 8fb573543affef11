import ZISDomain
import ZISMockHTTP

/// One row of Zendesk's URL surface: method, path template, who may call it, what the request
/// carries, the typed operation, and how its result is answered. Every row runs the same stages
/// in spec §2's order — route (the router, then the row's own path parameters), authenticate and
/// authorize, decode and validate the input, perform, render — so no operation can skip or
/// reorder one. Rows hold no state: the service is handed to them when they are registered.
public struct Endpoint: Sendable {
    public let method: String
    public let template: String
    public let access: Access
    fileprivate let respond: @Sendable (ZISService, HTTPRequest, PathParameters) -> HTTPResponse

    /// Who may call an endpoint (spec §2).
    public enum Access: Sendable {
        /// A ZIS bearer token of the path's `{integration}`, with this scope.
        case integrationToken(Scope)
        /// Anyone: the request carries its own credential (the OAuth callback's single-use code [ours]).
        case open
    }

    /// `target` types the path's parameters, or answers nil for a value no route serves (an
    /// unknown connection type is a 404 before authentication, like every routing miss).
    /// `answersHEADWithoutPerforming`: a GET that changes state (the OAuth callback consumes its
    /// code) must not do so for a HEAD, which the router sends wherever GET is served.
    init<Target, Input, Output>(
        _ method: String, _ template: String, access: Access,
        target: @escaping @Sendable (PathParameters) -> Target?,
        input: RequestInput<Target, Input>, reply: Reply<Output>, answersHEADWithoutPerforming: Bool = false,
        perform: @escaping @Sendable (ZISService, Target, Input) throws(ZISError) -> Output
    ) {
        self.method = method
        self.template = template
        self.access = access
        respond = { service, request, parameters in
            guard let target = target(parameters) else { return HTTPResponse(.noRoute(for: request)) }
            if answersHEADWithoutPerforming, request.method == "HEAD" { return HTTPResponse(status: 200) }
            do throws(ZISError) {
                if case .integrationToken(let scope) = access {
                    _ = try service.authorize(
                        Credentials(authorizationHeader: request.headers["Authorization"]), integration: parameters["integration"],
                        scope: scope)
                }
                let value = try input.decode(request, target)
                return reply.render(try perform(service, target, value), request)
            } catch {
                return HTTPResponse(error)
            }
        }
    }
}

extension Router {
    /// Registers rows in the Zendesk group, each answering with `service`.
    public mutating func add(_ endpoints: [Endpoint], service: ZISService) {
        for endpoint in endpoints {
            add(endpoint.method, endpoint.template) { request, parameters in endpoint.respond(service, request, parameters) }
        }
    }
}
