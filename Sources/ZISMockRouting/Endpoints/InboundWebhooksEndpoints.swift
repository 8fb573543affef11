import ZISDomain

/// ZIS inbound webhooks (issue 22): managed with the integration's ZIS token [doc: zaf-toolbox
/// creates them with `Authorization: Bearer <token>`], errors in the Connections envelope
/// [ours]; the ingest path takes the webhook's own Basic credentials [doc]. The mock keeps what
/// is posted in the request journal and runs no flow.
package enum InboundWebhooksEndpoints {
    package static let webhooks = "/api/services/zis/inbound_webhooks/generic/{integration}"
    package static let webhook = "/api/services/zis/inbound_webhooks/generic/{integration}/{id}"
    /// More specific than `webhook` (a literal segment), so an integration named `ingest` cannot shadow it.
    package static let ingest = "/api/services/zis/inbound_webhooks/generic/ingest/{token}"

    package static let rows: [Endpoint] = [
        Endpoint(
            "POST", webhooks, access: .integrationToken(.write), target: IntegrationTarget.init,
            input: .json { fields, _ throws(ZISError) in try InboundWebhookDraft(fields: fields) },
            reply: .json(201, InboundWebhookResponses.webhook)
        ) { (zis, path, draft) throws(ZISError) in
            (zis.owner(path.integration), try zis.createInboundWebhook(draft, integration: path.integration))
        },
        Endpoint(
            "GET", webhooks, access: .integrationToken(.write), target: IntegrationTarget.init, input: .none,
            reply: .json(200, InboundWebhookResponses.list)
        ) { (zis, path, _) throws(ZISError) in
            (zis.owner(path.integration), try zis.inboundWebhooks(integration: path.integration))
        },
        Endpoint(
            "GET", webhook, access: .integrationToken(.write), target: InboundWebhookTarget.init, input: .none,
            reply: .json(200, InboundWebhookResponses.webhook)
        ) { (zis, path, _) throws(ZISError) in
            (zis.owner(path.integration), try zis.inboundWebhook(id: path.id, integration: path.integration))
        },
        Endpoint(
            "DELETE", webhook, access: .integrationToken(.write), target: InboundWebhookTarget.init, input: .none,
            reply: .noContent
        ) { (zis, path, _) throws(ZISError) in
            try zis.deleteInboundWebhook(id: path.id, integration: path.integration)
        },
        Endpoint(
            "POST", ingest, access: .open, target: { $0["token"] },
            input: RequestInput { request, _ in Credentials(of: request) }, reply: .emptyOK
        ) { (zis, token, credentials) throws(ZISError) in
            try zis.ingest(token: token, credentials: credentials)
        },
    ]
}
