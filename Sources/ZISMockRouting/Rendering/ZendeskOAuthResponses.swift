import ZISDomain
import ZISMockHTTP

/// Bodies of `/oauth/tokens` and the `/api/v2/oauth/…` admin API.
enum ZendeskOAuthResponses {
    /// RFC 6749 §5.1: the token, never cached.
    @Sendable static func token(_ token: IssuedToken, _: HTTPRequest) -> HTTPResponse {
        var writer = JSONWriter(reservingCapacity: 256)
        writer.raw("{\"access_token\":")
        writer.string(token.accessToken)
        writer.raw(",\"token_type\":\"bearer\",\"scope\":")
        writer.string(token.scopes.map(\.rawValue).joined(separator: " "))
        if let expiresIn = token.expiresIn {
            writer.raw(",\"expires_in\":")
            writer.integer(expiresIn)
        }
        if let refreshToken = token.refreshToken {
            writer.raw(",\"refresh_token\":")
            writer.string(refreshToken)
        }
        writer.raw("}")
        return .json(200, writer.bytes, headers: [("Cache-Control", "no-store"), ("Pragma", "no-cache")])
    }

    /// `{"token":{…}}` of `POST /api/v2/oauth/tokens`: the full token only in `full_token`.
    @Sendable static func adminToken(_ token: AdminMintedToken) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 320)
        writer.raw("{\"token\":{\"client_id\":")
        writer.integer(token.clientID)
        writer.raw(",\"created_at\":")
        writer.string(Timestamp.format(secondsSinceEpoch: token.createdAt))
        writer.raw(",\"expires_at\":")
        writer.stringOrNull(token.expiresAt.map { Timestamp.format(secondsSinceEpoch: $0) })
        writer.raw(",\"full_token\":")
        writer.string(token.fullToken)
        writer.raw(",\"id\":")
        writer.integer(token.id)
        writer.raw(",\"scopes\":[")
        for (index, scope) in token.scopes.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.string(scope.rawValue)
        }
        // Zendesk shows the start of a token elsewhere [doc]; ten characters here [ours].
        writer.raw("],\"token\":")
        writer.string(String(token.fullToken.prefix(10)))
        writer.raw("}}")
        return writer.bytes
    }

    /// `{"clients":[…]}` of `GET /api/v2/oauth/clients`; secrets are not listed [ours].
    @Sendable static func clients(_ clients: [ZendeskClientListing]) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 64 + clients.count * 128)
        writer.raw("{\"clients\":[")
        for (index, listing) in clients.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"id\":")
            writer.integer(listing.client.id)
            writer.raw(",\"identifier\":")
            writer.string(listing.client.identifier)
            writer.raw(",\"kind\":\"confidential\",\"name\":")
            writer.string(listing.client.identifier)
            writer.raw("}")
        }
        writer.raw("]}")
        return writer.bytes
    }
}
