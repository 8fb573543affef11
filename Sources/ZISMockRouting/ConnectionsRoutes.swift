import ZISDomain
import ZISMockHTTP

/// The Zendesk-compatible surface (spec §3–5).
public enum ConnectionsRoutes {
    public static let allConnections = "/api/services/zis/integrations/{integration}/connections/all"
    public static let typedCollection = "/api/services/zis/integrations/{integration}/connections/{type}"
    public static let typedConnection = "/api/services/zis/integrations/{integration}/connections/{type}/{name}"

    public static func register(on router: inout Router, service: ZISService) {
        router.add("GET", allConnections) { request, parameters in
            let result = service.listAllConnections(
                integration: parameters["integration"], authorization: request.headers["Authorization"], query: request.query)
            switch result {
            case .success(let body): return .json(200, body)
            case .failure(let error): return HTTPResponse(error)
            }
        }
        registerTypedConnections(on: &router, service: service)
        OAuthRoutes.register(on: &router, service: service)
    }

    /// api_key, basic_auth and bearer_token CRUD (spec §4). Any other `{type}` is an unknown
    /// path, answered 404 before authentication like every routing miss (spec §2).
    private static func registerTypedConnections(on router: inout Router, service: ZISService) {
        router.add("POST", typedCollection) { request, parameters in
            guard let type = typedConnectionType(parameters["type"]) else { return unknownPath(request) }
            return respond(201) { () throws(ZISError) in
                try service.createConnection(
                    type: type, integration: parameters["integration"], authorization: request.headers["Authorization"],
                    contentType: request.headers["Content-Type"], body: request.body)
            }
        }
        router.add("GET", typedConnection) { request, parameters in
            guard let type = typedConnectionType(parameters["type"]) else { return unknownPath(request) }
            return respond(200) { () throws(ZISError) in
                try service.showConnection(
                    type: type, name: parameters["name"], integration: parameters["integration"],
                    authorization: request.headers["Authorization"])
            }
        }
        router.add("PATCH", typedConnection) { request, parameters in
            guard let type = typedConnectionType(parameters["type"]) else { return unknownPath(request) }
            return respond(200) { () throws(ZISError) in
                try service.updateConnection(
                    type: type, name: parameters["name"], integration: parameters["integration"],
                    authorization: request.headers["Authorization"], contentType: request.headers["Content-Type"],
                    body: request.body)
            }
        }
        router.add("DELETE", typedConnection) { request, parameters in
            guard let type = typedConnectionType(parameters["type"]) else { return unknownPath(request) }
            return respondNoContent { () throws(ZISError) in
                try service.deleteConnection(
                    type: type, name: parameters["name"], integration: parameters["integration"],
                    authorization: request.headers["Authorization"])
            }
        }
    }

    private static func typedConnectionType(_ segment: String) -> ConnectionType? {
        guard let type = ConnectionType(rawValue: segment), type != .oauth else { return nil }
        return type
    }

    static func unknownPath(_ request: HTTPRequest) -> HTTPResponse {
        HTTPResponse(.notFound(detail: "No route for \(request.method) \(request.rawPath)"))
    }

    /// A JSON body with `status`, or the domain error in the Zendesk envelope.
    static func respond(_ status: Int, _ body: () throws(ZISError) -> [UInt8]) -> HTTPResponse {
        do {
            return .json(status, try body())
        } catch {
            return HTTPResponse(error)
        }
    }

    static func respondNoContent(_ action: () throws(ZISError) -> Void) -> HTTPResponse {
        do {
            try action()
            return HTTPResponse(status: 204)
        } catch {
            return HTTPResponse(error)
        }
    }
}
