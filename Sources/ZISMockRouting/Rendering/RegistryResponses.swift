import ZISDomain

/// Bodies of the Registry endpoints. The registration answers the client secret once, as
/// Zendesk does: it is how a set-up script learns it.
enum RegistryResponses {
    static let registeredStatus = 200

    @Sendable static func registration(_ registration: IntegrationRegistration) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 512)
        writer.registration(registration)
        return writer.bytes
    }

    /// `{"integrations":[{…, "name": …}]}` [doc: zaf-toolbox's types], the client secret masked as
    /// a listing Zendesk answered shows it.
    @Sendable static func integrations(_ integrations: [(name: String, registration: IntegrationRegistration)]) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 64 + integrations.count * 160)
        writer.raw("{\"integrations\":[")
        for (index, integration) in integrations.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"description\":")
            writer.string(integration.registration.description)
            writer.raw(",\"jwt_public_key\":")
            writer.string(integration.registration.jwtPublicKey)
            writer.raw(",\"name\":")
            writer.string(integration.name)
            writer.raw(",\"zendesk_oauth_client\":")
            writer.zendeskOAuthClient(integration.registration.zendeskOAuthClient, withSecret: false)
            writer.raw("}")
        }
        writer.raw("]}")
        return writer.bytes
    }
}

extension JSONWriter {
    mutating func registration(_ registration: IntegrationRegistration) {
        raw("{\"description\":")
        string(registration.description)
        raw(",\"jwt_public_key\":")
        string(registration.jwtPublicKey)
        raw(",\"zendesk_oauth_client\":")
        zendeskOAuthClient(registration.zendeskOAuthClient, withSecret: true)
        raw("}")
    }

    mutating func zendeskOAuthClient(_ client: ZendeskOAuthClient, withSecret: Bool) {
        raw("{\"id\":")
        integer(client.id)
        raw(",\"identifier\":")
        string(client.identifier)
        raw(",\"secret\":")
        if withSecret { string(client.secret) } else { raw("\"************\"") }
        raw("}")
    }
}
