/// `{"source_system": "…", "event_type": "…"}`, both required [doc: "Mandatory: true"].
package struct InboundWebhookDraft: Sendable {
    package let sourceSystem: String
    package let eventType: String

    package init(fields: RequestFields) throws(ZISError) {
        try fields.rejectUnknown(allowed: ["source_system", "event_type"])
        try self.init(sourceSystem: fields.requiredString("source_system"), eventType: fields.requiredString("event_type"))
    }

    /// The embedding's door: the same rule, both non-empty.
    package init(sourceSystem: String, eventType: String) throws(ZISError) {
        for (key, value) in [("source_system", sourceSystem), ("event_type", eventType)] where value.isEmpty {
            throw .badRequest(detail: "\(key) is required")
        }
        self.sourceSystem = sourceSystem
        self.eventType = eventType
    }
}
