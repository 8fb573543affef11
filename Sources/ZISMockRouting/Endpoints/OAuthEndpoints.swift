import ZISDomain
import ZISMockHTTP

/// OAuth clients and OAuth connections (spec §5). Token-authorized with scope `write` like
/// every ZIS endpoint, except the callback, whose verification code is the credential [ours].
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
            zis.oauthClients(integration: path.integration)
        },
        Endpoint(
            "POST", clients, access: .integrationToken(.write), target: IntegrationTarget.init,
            input: .json { (fields, _) throws(ZISError) in try OAuthRequests.createClient(fields: fields) },
            reply: .json(201, OAuthResponses.createdClient)
        ) { (zis, path, client) throws(ZISError) in
            try zis.createOAuthClient(client, integration: path.integration)
        },
        Endpoint(
            "PATCH", client, access: .integrationToken(.write), target: OAuthClientTarget.init,
            input: .json(wrapper: { _ in "client" }) { fields, _ in OAuthClientPatch(fields: fields) },
            reply: .json(200, OAuthResponses.client)
        ) { (zis, path, patch) throws(ZISError) in
            try zis.updateOAuthClient(uuid: path.uuid, integration: path.integration, with: patch)
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
        Endpoint(
            "GET", callback, access: .open, target: { _ in () },
            input: .query(OAuthInputs.verificationCode), reply: Reply(render: OAuthResponses.completion),
            answersHEADWithoutPerforming: true
        ) { (zis, _, code) throws(ZISError) in
            try zis.completeOAuthFlow(verificationCode: code)
        },
        Endpoint(
            "GET", oauthConnection, access: .integrationToken(.write), target: IntegrationTarget.init,
            input: .query(OAuthSelector.init), reply: .json(200, ConnectionResponses.envelope)
        ) { (zis, path, selector) throws(ZISError) in
            try zis.oauthConnection(selector, integration: path.integration)
        },
        Endpoint(
            "DELETE", oauthConnection, access: .integrationToken(.write), target: IntegrationTarget.init,
            input: .query(OAuthSelector.init), reply: .noContent
        ) { (zis, path, selector) throws(ZISError) in
            try zis.deleteOAuthConnection(selector, integration: path.integration)
        },
    ]
}
