import ZISDomain
import ZISMockHTTP

/// Zendesk's OAuth as the ZIS tutorials use it to get a ZIS token (issue 15): the consent page
/// (Postman's OAuth 2.0 helper opens it), the token endpoint, and the admin API that mints a
/// token for a client and lists the clients.
package enum ZendeskOAuthEndpoints {
    package static let consent = OAuthPaths.zendeskAuthorize
    package static let decision = ConsentPage.decisionPath
    package static let tokens = "/oauth/tokens"
    package static let adminTokens = "/api/v2/oauth/tokens"
    package static let adminClients = "/api/v2/oauth/clients"
    package static let currentUser = "/api/v2/users/me.json"

    package static let rows: [Endpoint] = [
        Endpoint(
            "GET", consent, access: .open, target: { _ in () },
            input: .query { query in Dictionary(query.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }) },
            reply: Reply { request, _ in ConsentPage.render(request) }, errors: .html
        ) { (zis, _, parameters) throws(ZISError) in
            try ConsentRequest(parameters, service: zis)
        },
        // Allow → `redirect_uri?code=…&state=…`; Deny → `?error=access_denied&state=…` (RFC 6749 §4.1.2).
        Endpoint(
            "POST", decision, access: .open, target: { _ in () },
            input: RequestInput { (request, _) throws(ZISError) in try FormRequestBody.parameters(of: request) },
            reply: Reply { location, _ in HTTPResponse(status: 302, headers: [("Location", location)]) }, errors: .html
        ) { (zis, _, parameters) throws(ZISError) in
            let request = try ConsentRequest(parameters, service: zis)
            guard parameters["decision"] == "allow" else {
                return request.redirect(with: [("error", "access_denied"), ("error_description", "The admin denied access")])
            }
            let code = try zis.issueAuthorizationCode(
                clientIdentifier: request.client.client.identifier, redirectURI: request.redirectURI, scopes: request.scopes)
            return request.redirect(with: [("code", code)])
        },
        Endpoint(
            "POST", tokens, access: .open, target: { _ in () },
            input: RequestInput { (request, _) throws(ZISError) in try FormRequestBody.tokenRequest(of: request) },
            reply: Reply(render: ZendeskOAuthResponses.token), errors: .oauth
        ) { (zis, _, token) throws(ZISError) in
            try zis.exchangeToken(token)
        },
        Endpoint(
            "POST", adminTokens, access: .admin, target: { _ in () },
            input: RequestInput { (request, _) throws(ZISError) in
                (try AdminTokenRequest(fields: try JSONRequestBody.fields(of: request, wrapper: "token")), try RequestOrigin.of(request))
            },
            reply: Reply(render: ZendeskOAuthResponses.adminToken), errors: .zendeskAPI
        ) { (zis, caller: Endpoint.Caller, _, input) throws(ZISError) in
            (try zis.mintAdminToken(clientID: input.0.clientID, scopes: input.0.scopes, admin: caller.admin!), input.1)
        },
        Endpoint(
            "GET", adminClients, access: .admin, target: { _ in () },
            input: RequestInput { (request, _) throws(ZISError) in try RequestOrigin.of(request) },
            reply: Reply(render: ZendeskOAuthResponses.clients), errors: .zendeskAPI
        ) { (zis, _, base) throws(ZISError) in
            (zis.zendeskOAuthClients(), zis.registeredIntegrations(), zis.admins.first?.id, base)
        },
        // Where a Zendesk app's page reads its CSRF token (`user.authenticity_token`) [doc].
        Endpoint(
            "GET", currentUser, access: .admin, target: { _ in () }, input: .none,
            reply: .json(200, ZendeskOAuthResponses.currentUser), errors: .zendeskAPI
        ) { (_, caller: Endpoint.Caller, _, _) throws(ZISError) in
            caller.admin!
        },
    ]
}
