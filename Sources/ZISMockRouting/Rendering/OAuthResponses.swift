import ZISDomain
import ZISMockHTTP

/// Bodies of the OAuth endpoints (spec §5). Client secrets are always masked.
enum OAuthResponses {
    /// `{"clients":[…]}`.
    @Sendable static func clients(_ listing: (clients: [OAuthClient], integration: String)) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 32 + listing.clients.count * 384)
        writer.raw("{\"clients\":[")
        for (index, client) in listing.clients.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.oauthClient(client, integration: listing.integration)
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
    @Sendable static func client(_ updated: (client: OAuthClient, integration: String)) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 448)
        writer.raw("{\"client\":")
        writer.oauthClient(updated.client, integration: updated.integration)
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

    /// One OAuth connection as show answers it: the bare object of the OAuth Connections JSON
    /// format [doc: developer.zendesk.com/api-reference/integration-services/connections/oauth_connections],
    /// not wrapped in `{"oauth":…}`. Issue 16 reports zendesk/zaf-toolbox typing it so; the
    /// versions of its `src/models/zendesk-integration-services.ts` read for this type only the
    /// bearer-token, basic-auth and inbound-webhook answers (the last with `zendesk_account_id`
    /// as a number, as here).
    @Sendable static func connection(_ shown: (connection: Connection, integration: String, accountID: Int)) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 512)
        writer.oauthConnectionDetail(shown.connection, owner: ConnectionOwner(integration: shown.integration, accountID: shown.accountID))
        return writer.bytes
    }

    /// ZIS's callback answer: a 302 to `origin_oauth_redirect_url` when the start gave one (with
    /// `verification_token`, or the provider's `error`), else the connection or the error [ours].
    @Sendable static func completion(_ completion: OAuthCompletion, _: HTTPRequest) -> HTTPResponse {
        switch completion {
        case .connected(let made, let integration, let accountID, let redirectURL):
            guard let redirectURL else { return .json(200, connection((made, integration, accountID))) }
            return HTTPResponse(status: 302, headers: [("Location", redirectURL)])
        case .refused(let error, let redirectURL):
            guard let redirectURL else { return HTTPResponse(error) }
            return HTTPResponse(status: 302, headers: [("Location", redirectURL)])
        }
    }
}
