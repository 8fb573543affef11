/// What a set-up script leaves (issue 22), as typed calls for a Swift test: upload a bundle,
/// install its job specs, create an inbound webhook, and see what was installed and delivered.
/// Each is checked by the same rules as its HTTP endpoint and shares its state.
extension ZISMockServer {
    /// Uploads (or updates) a bundle as `POST /api/services/zis/registry/{integration}/bundles`
    /// does. Throws a `ZISError`: 400 with the resource and field, 404 for an unknown integration.
    public func uploadBundle(_ json: [UInt8], to integration: String) async throws(ZISError) {
        let document: JSONValue
        do { document = try JSONParser.parse(json) } catch {
            throw .badRequest(detail: "Malformed JSON at \(error.position): \(error.message)")
        }
        guard let members = document.members else { throw .badRequest(detail: "The bundle must be a JSON object") }
        _ = try service.uploadBundle(RequestFields(members: members), integration: integration)
    }

    /// Installs (or with `installed: false` uninstalls) the job spec `name` of an uploaded bundle,
    /// as the Registry's `job_specs/install` does; 404 when no bundle of `integration` defines it.
    public func setJobSpec(_ name: String, of integration: String, installed: Bool = true) async throws(ZISError) {
        try service.setJobSpec(JobSpecName(integration: integration, name: name), installed: installed)
    }

    /// The job specs installed for `integration`, by their short names in byte order.
    public func installedJobSpecs(of integration: String) async -> [String] {
        service.installedJobSpecs(integration: integration)
    }

    /// Creates an inbound webhook as `POST /api/services/zis/inbound_webhooks/generic/{integration}`
    /// does: its `path` and the `username` and `password` a sender posts with.
    public func createInboundWebhook(for integration: String, sourceSystem: String, eventType: String) async throws(ZISError) -> InboundWebhook {
        try service.createInboundWebhook(try InboundWebhookDraft(sourceSystem: sourceSystem, eventType: eventType), integration: integration)
    }

    /// The posts the webhook took (2xx answers at its path), oldest first, bodies redacted as the journal keeps them.
    public func inboundWebhookDeliveries(to webhook: InboundWebhook) async -> [JournalEntry] {
        await journal(path: webhook.path, method: "POST", status: "2xx")
    }
}
