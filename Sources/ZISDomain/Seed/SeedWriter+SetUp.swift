/// The set-up parts of an integration (issue 22) in the seed format `SeedDecoder+SetUp` reads.
/// Each list is written only when it has entries, so a state without them exports as before.
extension SeedWriter {
    static func writeSetUp(of integration: SeedIntegration, into writer: inout JSONWriter, revealSecrets: Bool) {
        list(",\"configs\":[", integration.configs, into: &writer) { writer, config in
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
        list(",\"bundles\":[", integration.bundles, into: &writer) { writer, bundle in
            writer.raw("\n{\"uuid\":")
            writer.string(bundle.uuid)
            writer.raw(",\"bundle\":")
            writer.value(bundle.document)
            writer.raw("}")
        }
        list(",\"installed_job_specs\":[", integration.installedJobSpecs, into: &writer) { writer, name in writer.string(name) }
        list(",\"inbound_webhooks\":[", integration.inboundWebhooks, into: &writer) { writer, webhook in
            let fields: [(StaticString, String)] = [
                ("\n{\"id\":", webhook.id), (",\"token\":", webhook.token), (",\"source_system\":", webhook.sourceSystem),
                (",\"event_type\":", webhook.eventType), (",\"username\":", webhook.username),
            ]
            for (key, value) in fields {
                writer.raw(key)
                writer.string(value)
            }
            writer.raw(",\"password\":")
            secret(webhook.password, into: &writer, reveal: revealSecrets)
            writer.raw("}")
        }
    }

    /// `opening`, the elements comma-separated, `]`; nothing at all for no elements.
    private static func list<Element>(
        _ opening: StaticString, _ elements: [Element], into writer: inout JSONWriter,
        element: (inout JSONWriter, Element) -> Void
    ) {
        guard !elements.isEmpty else { return }
        writer.raw(opening)
        for (index, item) in elements.enumerated() {
            if index > 0 { writer.raw(",") }
            element(&writer, item)
        }
        writer.raw("]")
    }
}
