import ZISDomain
import ZISMockHTTP

/// One row of Zendesk's URL surface: method, path template, who may call it, what the request
/// carries, the typed operation, and how its result is answered. Every row runs the same stages
/// in spec §2's order — route (the router, then the row's own path parameters), authenticate and
/// authorize, decode and validate the input, perform, render — so no operation can skip or
/// reorder one. Rows hold no state: the service is handed to them when they are registered.
package struct Endpoint: Sendable {
    package let method: String
    package let template: String
    package let access: Access
    fileprivate let respond: @Sendable (ZISService, HTTPRequest, PathParameters) -> HTTPResponse

    /// Who may call an endpoint (spec §2, issue 15).
    package enum Access: Sendable {
        /// A ZIS bearer token of the path's `{integration}`, with this scope (or an admin's browser session).
        case integrationToken(Scope)
        /// A Zendesk admin: Basic email/password or email/token, an admin's OAuth token, or a browser session.
        case admin
        /// Anyone: the request carries its own credential (a single-use code, a client secret).
        case open
    }

    /// `target` types the path's parameters, or answers nil for a value no route serves (an
    /// unknown connection type is a 404 before authentication, like every routing miss).
    /// `answersHEADWithoutPerforming`: a GET that changes state (the OAuth callback consumes its
    /// code) must not do so for a HEAD, which the router sends wherever GET is served.
    /// `errors`: the envelope of the API area the row belongs to.
    init<Target, Input, Output>(
        _ method: String, _ template: String, access: Access,
        target: @escaping @Sendable (PathParameters) -> Target?,
        input: RequestInput<Target, Input>, reply: Reply<Output>, answersHEADWithoutPerforming: Bool = false,
        errors: ErrorEnvelope = .zis,
        perform: @escaping @Sendable (ZISService, Target, Input) throws(ZISError) -> Output
    ) {
        self.init(
            method, template, access: access, target: target, input: input, reply: reply,
            answersHEADWithoutPerforming: answersHEADWithoutPerforming, errors: errors
        ) { (service, _: Caller, target, input) throws(ZISError) in try perform(service, target, input) }
    }

    /// The same, for an operation that needs to know who called (the admin who registers, mints…).
    init<Target, Input, Output>(
        _ method: String, _ template: String, access: Access,
        target: @escaping @Sendable (PathParameters) -> Target?,
        input: RequestInput<Target, Input>, reply: Reply<Output>, answersHEADWithoutPerforming: Bool = false,
        errors: ErrorEnvelope = .zis,
        perform: @escaping @Sendable (ZISService, Caller, Target, Input) throws(ZISError) -> Output
    ) {
        self.method = method
        self.template = template
        self.access = access
        respond = { service, request, parameters in
            guard let target = target(parameters) else { return HTTPResponse(.noRoute(for: request)) }
            if answersHEADWithoutPerforming, request.method == "HEAD" { return HTTPResponse(status: 200) }
            do throws(ZISError) {
                let caller = try Self.caller(of: request, access: access, integration: parameters["integration"], service: service)
                let value = try input.decode(request, target)
                return reply.render(try perform(service, caller, target, value), request)
            } catch {
                return HTTPResponse(error, envelope: errors)
            }
        }
    }

    /// Who is calling, decided by the row's access.
    package enum Caller: Sendable {
        case integration(TokenGrant)
        case admin(AdminUser)
        case anyone

        /// The admin of an `.admin` row.
        var admin: AdminUser? {
            if case .admin(let admin) = self { admin } else { nil }
        }

        /// The token's grant of an `.integrationToken` row.
        var grant: TokenGrant? {
            if case .integration(let grant) = self { grant } else { nil }
        }
    }

    private static func caller(of request: HTTPRequest, access: Access, integration: String, service: ZISService) throws(ZISError) -> Caller {
        let changesState = request.method != "GET" && request.method != "HEAD"
        switch access {
        case .integrationToken(let scope):
            return .integration(
                try service.authorize(Credentials(of: request), integration: integration, scope: scope, changesState: changesState))
        case .admin:
            return .admin(try service.authenticateAdmin(Credentials(of: request), changesState: changesState))
        case .open:
            return .anyone
        }
    }
}

extension Router {
    /// Registers rows in `group` (Zendesk's unless said), each answering with `service`.
    package mutating func add(_ endpoints: [Endpoint], service: ZISService, in group: RouteGroup = .zendesk, isOpen: Bool = false) {
        for endpoint in endpoints {
            add(endpoint.method, endpoint.template, in: group, isOpen: isOpen) { request, parameters in
                endpoint.respond(service, request, parameters)
            }
        }
    }
}
