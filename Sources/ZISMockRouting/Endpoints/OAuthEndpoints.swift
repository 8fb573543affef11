import ZISDomain
import ZISMockHTTP

/// OAuth clients and OAuth connections (spec §5, issue 16). Token-authorized with scope `write`
/// like every ZIS endpoint, except the callback, which the provider sends a browser to: its
/// `state` names the flow, and a client-credentials flow's needs the integration's bearer.
/// No PUT on a client: Zendesk answers 405 [field]; the router does so for any unregistered method.
package enum OAuthEndpoints {
    package static let clients = "/api/services/zis/connections/oauth/clients/{integration}"
    package static let client = "/api/services/zis/connections/oauth/clients/{integration}/{uuid}"
    package static let start = "/api/services/zis/connections/oauth/start/{integration}"
    package static let callback = OAuthPaths.callback
    package static let oauthConnection = "/api/services/zis/connections/{integration}"

    package static let rows: [Endpoint] = [
        Endpoint(
            "GET", clients, access: .integrationToken(.write), target: IntegrationTarget.init,
            input: .none, reply: .json(200, OAuthResponses.clients)
        ) { (zis, path, _) throws(ZISError) in
            (zis.oauthClients(integration: path.integration), path.integration)
        },
        Endpoint(
            "POST", clients, access: .integrationToken(.write), target: IntegrationTarget.init,
            input: .json { (fields, _) throws(ZISError) in try OAuthRequests.createClient(fields: fields) },
            reply: .json(201, OAuthResponses.createdClient)
        ) { (zis, caller: Endpoint.Caller, path, client) throws(ZISError) in
            try zis.createOAuthClient(client, integration: path.integration, by: caller.grant)
        },
        Endpoint(
            "PATCH", client, access: .integrationToken(.write), target: OAuthClientTarget.init,
            input: .json(wrapper: { _ in "client" }) { fields, _ in OAuthClientPatch(fields: fields) },
            reply: .json(200, OAuthResponses.client)
        ) { (zis, path, patch) throws(ZISError) in
            (try zis.updateOAuthClient(uuid: path.uuid, integration: path.integration, with: patch), path.integration)
        },
        Endpoint(
            "DELETE", client, access: .integrationToken(.write), target: OAuthClientTarget.init,
            input: .none, reply: .noContent
        ) { (zis, path, _) throws(ZISError) in
            try zis.deleteOAuthClient(uuid: path.uuid, integration: path.integration)
        },
        Endpoint(
            "POST", start, access: .integrationToken(.write), target: IntegrationTarget.init,
            input: RequestInput { (request, _) throws(ZISError) in
                (try OAuthRequests.start(fields: try JSONRequestBody.fields(of: request)), try RequestOrigin.of(request))
            },
            reply: .json(200, OAuthResponses.redirect)
        ) { (zis, path, input) throws(ZISError) in
            try zis.startOAuthFlow(input.0, integration: path.integration, callbackBase: input.1)
        },
        // The provider sends the browser here; for client credentials the app fetches it with its bearer.
        Endpoint(
            "GET", callback, access: .open, target: { _ in () },
            input: RequestInput { (request, _) throws(ZISError) in (try OAuthInputs.callback(request.query), Credentials(of: request)) },
            reply: Reply(render: OAuthResponses.completion), answersHEADWithoutPerforming: true
        ) { (zis, _, input) throws(ZISError) in
            try zis.completeOAuthFlow(input.0, credentials: input.1)
        },
        Endpoint(
            "GET", oauthConnection, access: .integrationToken(.write), target: IntegrationTarget.init,
            input: .query(OAuthSelector.init), reply: .json(200, OAuthResponses.connection)
        ) { (zis, path, selector) throws(ZISError) in
            (try zis.oauthConnection(selector, integration: path.integration), path.integration, zis.zendeskAccountID)
        },
        Endpoint(
            "DELETE", oauthConnection, access: .integrationToken(.write), target: IntegrationTarget.init,
            input: .query(OAuthSelector.init), reply: .noContent
        ) { (zis, path, selector) throws(ZISError) in
            try zis.deleteOAuthConnection(selector, integration: path.integration)
        },
    ]
}
