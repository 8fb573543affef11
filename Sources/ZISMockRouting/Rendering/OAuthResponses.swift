import ZISDomain
import ZISMockHTTP

/// Bodies of the OAuth endpoints (spec §5). Client secrets are always masked.
enum OAuthResponses {
    /// `{"clients":[…]}`.
    @Sendable static func clients(_ clients: [OAuthClient]) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 32 + clients.count * 256)
        writer.raw("{\"clients\":[")
        for (index, client) in clients.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.oauthClient(client)
        }
        writer.raw("]}")
        return writer.bytes
    }

    /// A create answers only `{"uuid":"…"}`.
    @Sendable static func createdClient(_ client: OAuthClient) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 48)
        writer.raw("{\"uuid\":")
        writer.string(client.uuid)
        writer.raw("}")
        return writer.bytes
    }

    /// `{"client":{…}}` [ours].
    @Sendable static func client(_ client: OAuthClient) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 320)
        writer.raw("{\"client\":")
        writer.oauthClient(client)
        writer.raw("}")
        return writer.bytes
    }

    /// `{"redirect_url":"…"}`.
    @Sendable static func redirect(_ url: String) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 160)
        writer.raw("{\"redirect_url\":")
        writer.string(url)
        writer.raw("}")
        return writer.bytes
    }

    /// The created connection, with a 302 to `origin_oauth_redirect_url` when the start gave one.
    @Sendable static func completion(_ completion: OAuthCompletion, _: HTTPRequest) -> HTTPResponse {
        let body = ConnectionResponses.envelope(completion.connection)
        guard let location = completion.redirectURL else { return .json(200, body) }
        return .json(302, body, headers: [("Location", location)])
    }
}
