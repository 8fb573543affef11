import ZISDomain
import ZISMockHTTP

/// OAuth clients and OAuth connections (spec §5).
public enum OAuthRoutes {
    public static let clients = "/api/services/zis/connections/oauth/clients/{integration}"
    public static let client = "/api/services/zis/connections/oauth/clients/{integration}/{uuid}"
    public static let start = "/api/services/zis/connections/oauth/start/{integration}"
    public static let callback = OAuthPaths.callback
    public static let oauthConnection = "/api/services/zis/connections/{integration}"

    public static func register(on router: inout Router, service: ZISService) {
        router.add("GET", clients) { request, parameters in
            ConnectionsRoutes.respond(200) { () throws(ZISError) in
                try service.listOAuthClients(integration: parameters["integration"], authorization: request.headers["Authorization"])
            }
        }
        router.add("POST", clients) { request, parameters in
            ConnectionsRoutes.respond(201) { () throws(ZISError) in
                try service.createOAuthClient(
                    integration: parameters["integration"], authorization: request.headers["Authorization"],
                    contentType: request.headers["Content-Type"], body: request.body)
            }
        }
        // No PUT: Zendesk answers 405 [field]; the router does so for any unregistered method.
        router.add("PATCH", client) { request, parameters in
            ConnectionsRoutes.respond(200) { () throws(ZISError) in
                try service.updateOAuthClient(
                    uuid: parameters["uuid"], integration: parameters["integration"],
                    authorization: request.headers["Authorization"], contentType: request.headers["Content-Type"],
                    body: request.body)
            }
        }
        router.add("DELETE", client) { request, parameters in
            ConnectionsRoutes.respondNoContent { () throws(ZISError) in
                try service.deleteOAuthClient(
                    uuid: parameters["uuid"], integration: parameters["integration"], authorization: request.headers["Authorization"])
            }
        }
        router.add("POST", start) { request, parameters in
            ConnectionsRoutes.respond(200) { () throws(ZISError) in
                try service.startOAuthFlow(
                    integration: parameters["integration"], authorization: request.headers["Authorization"],
                    contentType: request.headers["Content-Type"], body: request.body, host: request.headers["Host"],
                    scheme: request.isSecure ? "https" : "http")
            }
        }
        // Not bearer-authenticated: the single-use verification code is the credential [ours].
        router.add("GET", callback) { request, _ in
            // HEAD (served wherever GET is) must not burn the single-use code.
            guard request.method != "HEAD" else { return HTTPResponse(status: 200) }
            do throws(ZISError) {
                let completion = try service.completeOAuthFlow(query: request.query)
                guard let location = completion.redirectURL else { return .json(200, completion.body) }
                return .json(302, completion.body, headers: [("Location", location)])
            } catch {
                return HTTPResponse(error)
            }
        }
        router.add("GET", oauthConnection) { request, parameters in
            ConnectionsRoutes.respond(200) { () throws(ZISError) in
                try service.showOAuthConnection(
                    integration: parameters["integration"], authorization: request.headers["Authorization"], query: request.query)
            }
        }
        router.add("DELETE", oauthConnection) { request, parameters in
            ConnectionsRoutes.respondNoContent { () throws(ZISError) in
                try service.deleteOAuthConnection(
                    integration: parameters["integration"], authorization: request.headers["Authorization"], query: request.query)
            }
        }
    }
}
