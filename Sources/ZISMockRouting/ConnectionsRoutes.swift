import ZISDomain
import ZISMockHTTP

/// The Zendesk-compatible surface (spec §3–5).
public enum ConnectionsRoutes {
    public static let allConnections = "/api/services/zis/integrations/{integration}/connections/all"

    public static func register(on router: inout Router, service: ZISService) {
        router.add("GET", allConnections) { request, parameters in
            let result = service.listAllConnections(
                integration: parameters["integration"], authorization: request.headers["Authorization"], query: request.query)
            switch result {
            case .success(let body): return .json(200, body)
            case .failure(let error): return HTTPResponse(error)
            }
        }
    }
}
