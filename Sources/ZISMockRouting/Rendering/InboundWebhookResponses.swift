import ZISDomain

/// Bodies of the inbound webhook endpoints: a webhook in zaf-toolbox's field order [doc:
/// `ICreateInboundWebhookResponse`], credentials included wherever it is shown, as the docs'
/// JSON format lists them; a list under `inbound_webhooks` [ours].
enum InboundWebhookResponses {
    @Sendable static func webhook(_ output: (ObjectOwner, InboundWebhook)) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 384)
        writer.inboundWebhook(output.1, owner: output.0)
        return writer.bytes
    }

    @Sendable static func list(_ output: (ObjectOwner, [InboundWebhook])) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 32 + output.1.count * 384)
        writer.raw("{\"inbound_webhooks\":[")
        for (index, webhook) in output.1.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.inboundWebhook(webhook, owner: output.0)
        }
        writer.raw("]}")
        return writer.bytes
    }
}

extension JSONWriter {
    mutating func inboundWebhook(_ webhook: InboundWebhook, owner: ObjectOwner) {
        raw("{\"id\":")
        string(webhook.id)
        raw(",\"uuid\":")
        string(webhook.id)
        raw(",\"zendesk_account_id\":")
        integer(owner.zendeskAccountID)
        raw(",\"path\":")
        string(webhook.path)
        raw(",\"integration\":")
        string(owner.integration)
        raw(",\"source_system\":")
        string(webhook.sourceSystem)
        raw(",\"event_type\":")
        string(webhook.eventType)
        raw(",\"username\":")
        string(webhook.username)
        raw(",\"password\":")
        string(webhook.password)
        raw("}")
    }
}
