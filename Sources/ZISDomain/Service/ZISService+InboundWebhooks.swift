/// ZIS inbound webhooks (issue 22): created, listed, shown and deleted with the integration's
/// ZIS token [doc: zaf-toolbox sends `Authorization: Bearer <token>`]; posted to with the
/// webhook's own Basic credentials. The mock records deliveries in the journal and runs no flow.
extension ZISService {
    /// `POST /api/services/zis/inbound_webhooks/generic/{integration}`.
    package func createInboundWebhook(_ draft: InboundWebhookDraft, integration: String) throws(ZISError) -> InboundWebhook {
        // Random path token, username and password [ours: their lengths and alphabet].
        let webhook = InboundWebhook(
            id: RandomToken.uuidV4(), token: RandomToken.hex(byteCount: 22), sourceSystem: draft.sourceSystem,
            eventType: draft.eventType, username: RandomToken.hex(byteCount: 8), password: RandomToken.hex(byteCount: 20))
        try commit { state, changes throws(ZISError) in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            state.integrations[integration]!.inboundWebhooks.append(webhook)
            changes.record(.setUpSaved(state.setUp(of: integration)))
        }
        return webhook
    }

    /// `GET …/generic/{integration}`: in creation order.
    package func inboundWebhooks(integration: String) throws(ZISError) -> [InboundWebhook] {
        try state.withLock { state throws(ZISError) in
            guard let integrationState = state.integrations[integration] else { throw Self.unknownIntegration(integration) }
            return integrationState.inboundWebhooks
        }
    }

    /// `GET …/generic/{integration}/{id}`.
    package func inboundWebhook(id: String, integration: String) throws(ZISError) -> InboundWebhook {
        guard let webhook = try inboundWebhooks(integration: integration).first(where: { $0.id == id }) else {
            throw Self.unknownInboundWebhook(id)
        }
        return webhook
    }

    /// `DELETE …/generic/{integration}/{id}`.
    package func deleteInboundWebhook(id: String, integration: String) throws(ZISError) {
        try commit { state, changes throws(ZISError) in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            guard let index = state.integrations[integration]!.inboundWebhooks.firstIndex(where: { $0.id == id }) else {
                throw Self.unknownInboundWebhook(id)
            }
            state.integrations[integration]!.inboundWebhooks.remove(at: index)
            changes.record(.setUpSaved(state.setUp(of: integration)))
        }
    }

    /// `POST …/generic/ingest/{token}` [doc: "use basic authentication with the username and
    /// password from the Create Inbound Webhook endpoint's response"]: an unknown token is 404,
    /// wrong or missing credentials 401 [ours: the statuses]. Returns the webhook's integration.
    @discardableResult
    package func ingest(token: String, credentials: Credentials) throws(ZISError) -> String {
        let found = state.withLock { state in
            state.integrations.values.lazy.compactMap { integration in
                integration.inboundWebhooks.first { $0.token == token }.map { (integration.name, $0) }
            }.first
        }
        guard let (integration, webhook) = found else { throw .notFound(detail: "No inbound webhook has this path") }
        guard case .basic(let user?, let password?) = credentials, user == webhook.username, password == webhook.password else {
            throw .invalidCredentials
        }
        return integration
    }

    static func unknownInboundWebhook(_ id: String) -> ZISError {
        .notFound(detail: "Inbound webhook \(id) does not exist")
    }
}
