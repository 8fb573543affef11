/// Writes a `Seed` in the seed format of spec §7, so an exported state loads back unchanged:
/// what `GET /__admin/state` returns. Keys are written in a fixed order and every optional
/// field is written, so two exports of the same state are byte-identical.
package enum SeedWriter {
    /// The fields that hold write-only secrets (spec §1); the admin export masks them unless asked not to.
    /// The same names mask request bodies in the journal, so the OAuth and Registry ones are here
    /// too: passwords, API tokens, codes and the tokens an exchange sends or gets.
    package static let secretFields: Set<String> = Set(
        ConnectionType.allCases.flatMap { ConnectionSchema.of($0).fields.filter(\.isSecret).map(\.key) }
            + ["client_secret", "secret", "password", "api_token", "session", "csrf_token", "code", "refresh_token", "access_token"])

    /// The member a masked export starts with, `"secrets":"masked"`, so the file says what it is
    /// and the loader refuses it instead of installing `*****` as every secret and token.
    package static let maskedMarkerKey = "secrets"
    static let maskedMarker: StaticString = "\"secrets\":\"masked\","

    /// `revealSecrets: false` writes every connection secret and credential, OAuth client secret and ZIS access
    /// token (the `tokens` lists, working credentials for the Zendesk surface) as `"*****"`,
    /// under `maskedMarker`: such an export is for reading; one with `revealSecrets` loads back.
    package static func json(_ seed: Seed, revealSecrets: Bool) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 4096)
        writer.raw("{")
        if !revealSecrets { writer.raw(maskedMarker) }
        writer.raw("\"integrations\":[")
        for (index, integration) in seed.integrations.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("\n")
            write(integration, into: &writer, revealSecrets: revealSecrets)
        }
        writer.raw("\n]")
        // Written only when set, so a seed without one exports as it always has.
        if let accountID = seed.zendeskAccountID {
            writer.raw(",\"zendesk_account_id\":")
            writer.integer(accountID)
        }
        // Written only when there are any, so a seed without admins exports as it always has.
        if !seed.admins.isEmpty {
            writer.raw(",\"admins\":[")
            for (index, admin) in seed.admins.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.raw("\n")
                write(admin, into: &writer, revealSecrets: revealSecrets)
            }
            writer.raw("\n]")
        }
        writer.raw("}\n")
        return writer.bytes
    }

    private static func write(_ admin: AdminUser, into writer: inout JSONWriter, revealSecrets: Bool) {
        writer.raw("{\"email\":")
        writer.string(admin.email)
        let credentials: [(StaticString, String?)] = [
            (",\"password\":", admin.password), (",\"api_token\":", admin.apiToken), (",\"session\":", admin.session),
            (",\"csrf_token\":", admin.csrfToken),
        ]
        for case (let key, let value?) in credentials {
            writer.raw(key)
            secret(value, into: &writer, reveal: revealSecrets)
        }
        writer.raw("}")
    }

    private static func write(_ registration: IntegrationRegistration, into writer: inout JSONWriter, revealSecrets: Bool) {
        writer.raw(",\"registration\":{\"description\":")
        writer.string(registration.description)
        writer.raw(",\"jwt_public_key\":")
        writer.string(registration.jwtPublicKey)
        writer.raw(",\"zendesk_oauth_client\":{\"id\":")
        writer.integer(registration.zendeskOAuthClient.id)
        writer.raw(",\"secret\":")
        secret(registration.zendeskOAuthClient.secret, into: &writer, reveal: revealSecrets)
        writer.raw("}}")
    }

    private static func write(_ integration: SeedIntegration, into writer: inout JSONWriter, revealSecrets: Bool) {
        writer.raw("{\"name\":")
        writer.string(integration.name)
        writer.raw(",\"tokens\":[")
        for (index, token) in integration.tokens.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"token\":")
            secret(token.token, into: &writer, reveal: revealSecrets)
            writer.raw(",\"scopes\":[")
            for (scopeIndex, scope) in token.scopes.enumerated() {
                if scopeIndex > 0 { writer.raw(",") }
                writer.string(scope.rawValue)
            }
            writer.raw("]")
            if let expiresAt = token.expiresAt {
                writer.raw(",\"expires_at\":")
                writer.string(Timestamp.format(secondsSinceEpoch: expiresAt))
            }
            if let owner = token.owner {
                writer.raw(",\"owner\":")
                writer.string(owner)
            }
            writer.raw("}")
        }
        writer.raw("],\"connections\":{")
        for (typeIndex, type) in ConnectionType.allCases.enumerated() {
            if typeIndex > 0 { writer.raw(",") }
            writer.string(type.rawValue)
            writer.raw(":[")
            var first = true
            for connection in integration.connections where connection.type == type {
                if !first { writer.raw(",") }
                first = false
                writer.raw("\n")
                write(connection, into: &writer, revealSecrets: revealSecrets)
            }
            writer.raw("]")
        }
        writer.raw("},\"oauth_clients\":[")
        for (index, client) in integration.oauthClients.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("\n{\"name\":")
            writer.string(client.name)
            writer.raw(",\"client_id\":")
            writer.string(client.clientID)
            writer.raw(",\"client_secret\":")
            secret(client.clientSecret, into: &writer, reveal: revealSecrets)
            writer.raw(",\"auth_url\":")
            writer.string(client.authURL)
            writer.raw(",\"token_url\":")
            writer.string(client.tokenURL)
            writer.raw(",\"default_scopes\":")
            writer.string(client.defaultScopes)
            writer.raw(",\"grant_type\":")
            writer.string(client.grantType.rawValue)
            writer.raw(",\"uuid\":")
            writer.string(client.uuid)
            writer.raw(",\"created_at\":")
            writer.string(client.createdAt)
            writer.raw(",\"updated_at\":")
            writer.string(client.updatedAt)
            writer.raw(",\"created_by\":")
            writer.string(client.createdBy)
            writer.raw("}")
        }
        writer.raw("]")
        if let registration = integration.registration { write(registration, into: &writer, revealSecrets: revealSecrets) }
        writeSetUp(of: integration, into: &writer, revealSecrets: revealSecrets)
        writer.raw("}")
    }

    /// `name`, the plain fields, then the secret ones (the order exports have always had, so
    /// they stay byte-identical), then the timestamps of the types that have them.
    private static func write(_ connection: Connection, into writer: inout JSONWriter, revealSecrets: Bool) {
        let schema = ConnectionSchema.of(connection.type)
        writer.raw("{\"name\":")
        writer.string(connection.name)
        for secrets in [false, true] {
            for field in schema.fields where field.isSecret == secrets {
                writer.raw(",")
                writer.string(field.key)
                writer.raw(":")
                if field.isMaskedInExport { secret(field.value(connection.payload), into: &writer, reveal: revealSecrets) } else {
                    writer.string(field.value(connection.payload))
                }
            }
        }
        if schema.hasTimestamps {
            writer.raw(",\"created_at\":")
            writer.timestamp(connection.created)
            writer.raw(",\"updated_at\":")
            writer.timestamp(connection.updated)
        }
        writer.raw("}")
    }

    static func secret(_ value: String, into writer: inout JSONWriter, reveal: Bool) {
        if reveal { writer.string(value) } else { writer.raw(JSONWriter.maskedSecret) }
    }
}
