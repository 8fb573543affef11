import ZISDomain
import ZISMockHTTP

/// Bodies of `/oauth/tokens` and the `/api/v2/oauth/…` admin API.
enum ZendeskOAuthResponses {
    /// 201, as Zendesk answers [doc] (RFC 6749 says 200), with the fields of Zendesk's token
    /// format in its order, the expiries only when there are any; never cached (RFC 6749 §5.1).
    @Sendable static func token(_ token: IssuedToken, _: HTTPRequest) -> HTTPResponse {
        var writer = JSONWriter(reservingCapacity: 256)
        writer.raw("{\"access_token\":")
        writer.string(token.accessToken)
        if let expiresIn = token.expiresIn {
            writer.raw(",\"expires_in\":")
            writer.integer(expiresIn)
        }
        if let refreshToken = token.refreshToken, let refreshExpiresIn = token.refreshTokenExpiresIn {
            writer.raw(",\"refresh_token\":")
            writer.string(refreshToken)
            writer.raw(",\"refresh_token_expires_in\":")
            writer.integer(refreshExpiresIn)
        }
        writer.raw(",\"scope\":")
        writer.string(token.scopes.map(\.rawValue).joined(separator: " "))
        writer.raw(",\"token_type\":\"bearer\"}")
        return .json(201, writer.bytes, headers: [("Cache-Control", "no-store"), ("Pragma", "no-cache")])
    }

    /// `{"token":{…}}` of `POST /api/v2/oauth/tokens`, 201, the fields of Zendesk's token format;
    /// the whole token only in `full_token` [doc: the help article's name for it].
    @Sendable static func adminToken(_ minted: (AdminMintedToken, base: String), _: HTTPRequest) -> HTTPResponse {
        let token = minted.0
        var writer = JSONWriter(reservingCapacity: 400)
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
        // "only the first 10 characters of each access token are included" [doc].
        writer.raw("],\"token\":")
        writer.string(String(token.fullToken.prefix(10)))
        writer.raw(",\"url\":")
        writer.string("\(minted.base)/api/v2/oauth/tokens/\(token.id).json")
        writer.raw(",\"used_at\":null,\"user_id\":")
        writer.integer(token.userID)
        writer.raw("}}")
        return .json(201, writer.bytes)
    }

    /// `{"clients":[…]}` of `GET /api/v2/oauth/clients`, Zendesk's client fields that the mock
    /// knows; the secret only by its first nine characters, as Zendesk shows it after creation [doc].
    @Sendable static func clients(
        _ listed: (clients: [ZendeskClientListing], registrations: [(name: String, registration: IntegrationRegistration)], userID: Int?, base: String),
        _: HTTPRequest
    ) -> HTTPResponse {
        var writer = JSONWriter(reservingCapacity: 64 + listed.clients.count * 320)
        writer.raw("{\"clients\":[")
        for (index, listing) in listed.clients.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"company\":null,\"description\":")
            writer.string(listed.registrations.first { $0.name == listing.integration }?.registration.description ?? "")
            writer.raw(",\"global\":false,\"id\":")
            writer.integer(listing.client.id)
            writer.raw(",\"identifier\":")
            writer.string(listing.client.identifier)
            writer.raw(",\"kind\":\"confidential\",\"logo_url\":null,\"name\":")
            writer.string(listing.client.identifier)
            writer.raw(",\"redirect_uri\":[],\"secret\":")
            writer.string(String(listing.client.secret.prefix(9)))
            writer.raw(",\"url\":")
            writer.string("\(listed.base)/api/v2/oauth/clients/\(listing.client.id).json")
            writer.raw(",\"user_id\":")
            if let userID = listed.userID { writer.integer(userID) } else { writer.raw("null") }
            writer.raw("}")
        }
        writer.raw("]}")
        return .json(200, writer.bytes)
    }

    /// `{"user":{…}}` of `GET /api/v2/users/me.json`, with the session's CSRF token.
    @Sendable static func currentUser(_ admin: AdminUser) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 160)
        writer.raw("{\"user\":{\"authenticity_token\":")
        writer.stringOrNull(admin.csrfToken)
        writer.raw(",\"email\":")
        writer.string(admin.email)
        writer.raw(",\"id\":")
        writer.integer(admin.id)
        writer.raw(",\"role\":\"admin\"}}")
        return writer.bytes
    }
}
