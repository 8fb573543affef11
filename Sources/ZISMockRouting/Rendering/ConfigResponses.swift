import ZISDomain

/// Bodies of the Configs API: a config is the object of the docs' JSON format, its properties
/// in the table's (alphabetical) order [doc]; answered bare by a write [ours], under
/// `configs` with the page's `meta` by a list [doc: `{"configs": [{"config": …`; ours: `meta`].
enum ConfigResponses {
    /// `output`: the integration's name and its config.
    @Sendable static func config(_ output: (ObjectOwner, IntegrationConfig)) -> [UInt8] {
        let (owner, config) = output
        var writer = JSONWriter(reservingCapacity: 256)
        writer.config(config, owner: owner)
        return writer.bytes
    }

    @Sendable static func list(_ output: (ObjectOwner, CursorPage<IntegrationConfig>)) -> [UInt8] {
        let (owner, page) = output
        var writer = JSONWriter(reservingCapacity: 64 + page.elements.count * 256)
        writer.raw("{\"configs\":[")
        for (index, config) in page.elements.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.config(config, owner: owner)
        }
        writer.raw("],")
        writer.meta(of: page)
        writer.raw("}")
        return writer.bytes
    }
}

extension JSONWriter {
    mutating func config(_ config: IntegrationConfig, owner: ObjectOwner) {
        raw("{\"config\":")
        value(config.config)
        raw(",\"created_at\":")
        string(Timestamp.format(secondsSinceEpoch: config.createdAt))
        raw(",\"id\":")
        integer(config.id)
        raw(",\"integration\":")
        string(owner.integration)
        raw(",\"scope\":")
        string(config.scope)
        raw(",\"updated_at\":")
        string(Timestamp.format(secondsSinceEpoch: config.updatedAt))
        raw(",\"zendesk_account_id\":")
        integer(owner.zendeskAccountID)
        raw("}")
    }
}
