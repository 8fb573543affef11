/// `{"source_system": "…", "event_type": "…"}`, both required [doc: "Mandatory: true"].
package struct InboundWebhookDraft: Sendable {
    package let sourceSystem: String
    package let eventType: String

    package init(fields: RequestFields) throws(ZISError) {
        try fields.rejectUnknown(allowed: ["source_system", "event_type"])
        sourceSystem = try fields.requiredString("source_system")
        eventType = try fields.requiredString("event_type")
    }
}
