import ZISDomain

/// `GET /__admin/state/counts`: the size of every list the seed format holds, in the seed's own
/// shape (each list replaced by its length), so the dashboard can show counts per type and page
/// through 100,000 connections without reading them:
/// `{"integrations":[{"name":…,"tokens":2,"connections":{"api_key":1,…},"oauth_clients":1,"registered":true,"configs":0,…}],"admins":1}`.
package enum StateCounts {
    package static func json(_ seed: Seed) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 128 + seed.integrations.count * 160)
        writer.raw("{\"integrations\":[")
        for (index, integration) in seed.integrations.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("\n{\"name\":")
            writer.string(integration.name)
            writer.raw(",\"tokens\":")
            writer.integer(integration.tokens.count)
            writer.raw(",\"connections\":{")
            var perType = [ConnectionType: Int]()
            for connection in integration.connections { perType[connection.type, default: 0] += 1 }
            for (typeIndex, type) in ConnectionType.allCases.enumerated() {
                if typeIndex > 0 { writer.raw(",") }
                writer.string(type.rawValue)
                writer.raw(":")
                writer.integer(perType[type] ?? 0)
            }
            writer.raw("},\"oauth_clients\":")
            writer.integer(integration.oauthClients.count)
            writer.raw(",\"registered\":")
            writer.bool(integration.registration != nil)
            writer.raw(",\"configs\":")
            writer.integer(integration.configs.count)
            writer.raw(",\"bundles\":")
            writer.integer(integration.bundles.count)
            writer.raw(",\"installed_job_specs\":")
            writer.integer(integration.installedJobSpecs.count)
            writer.raw(",\"inbound_webhooks\":")
            writer.integer(integration.inboundWebhooks.count)
            writer.raw("}")
        }
        writer.raw("],\"admins\":")
        writer.integer(seed.admins.count)
        writer.raw("}")
        return writer.bytes
    }
}
