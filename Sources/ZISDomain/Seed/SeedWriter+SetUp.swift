/// The set-up parts of an integration (issue 22) in the seed format `SeedDecoder+SetUp` reads.
/// Each list is written only when it has entries, so a state without them exports as before.
extension SeedWriter {
    static func writeSetUp(of integration: SeedIntegration, into writer: inout JSONWriter, revealSecrets: Bool) {
        if !integration.configs.isEmpty {
            writer.raw(",\"configs\":[")
            for (index, config) in integration.configs.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.raw("\n{\"id\":")
                writer.integer(config.id)
                writer.raw(",\"scope\":")
                writer.string(config.scope)
                writer.raw(",\"config\":")
                writer.value(config.config)
                writer.raw(",\"created_at\":")
                writer.string(Timestamp.format(secondsSinceEpoch: config.createdAt))
                writer.raw(",\"updated_at\":")
                writer.string(Timestamp.format(secondsSinceEpoch: config.updatedAt))
                writer.raw("}")
            }
            writer.raw("]")
        }
        if !integration.bundles.isEmpty {
            writer.raw(",\"bundles\":[")
            for (index, bundle) in integration.bundles.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.raw("\n{\"uuid\":")
                writer.string(bundle.uuid)
                writer.raw(",\"bundle\":")
                writer.value(bundle.document)
                writer.raw("}")
            }
            writer.raw("]")
        }
        if !integration.installedJobSpecs.isEmpty {
            writer.raw(",\"installed_job_specs\":[")
            for (index, name) in integration.installedJobSpecs.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.string(name)
            }
            writer.raw("]")
        }
        if !integration.inboundWebhooks.isEmpty {
            writer.raw(",\"inbound_webhooks\":[")
            for (index, webhook) in integration.inboundWebhooks.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.raw("\n{\"id\":")
                writer.string(webhook.id)
                writer.raw(",\"token\":")
                writer.string(webhook.token)
                writer.raw(",\"source_system\":")
                writer.string(webhook.sourceSystem)
                writer.raw(",\"event_type\":")
                writer.string(webhook.eventType)
                writer.raw(",\"username\":")
                writer.string(webhook.username)
                writer.raw(",\"password\":")
                secret(webhook.password, into: &writer, reveal: revealSecrets)
                writer.raw("}")
            }
            writer.raw("]")
        }
    }
}
