extension JSONWriter {
    /// The literal every secret is rendered as (spec §1 [doc]): secrets are write-only.
    static let maskedSecret: StaticString = "\"*****\""

    /// One connection object with its fields in exactly the order of spec §3. The secret of
    /// api_key, basic_auth and bearer_token connections is never read here, only its mask.
    mutating func connection(_ connection: Connection) {
        switch connection.payload {
        case .apiKey(let fields):
            raw("{\"allowed_domain\":")
            string(fields.allowedDomain)
            raw(",\"api_key\":")
            raw(Self.maskedSecret)
            raw(",\"created_at\":")
            timestamp(connection.created)
            raw(",\"header_name\":")
            string(fields.headerName)
            raw(",\"name\":")
            string(connection.name)
            raw(",\"updated_at\":")
            timestamp(connection.updated)
            raw("}")
        case .basicAuth(let fields):
            raw("{\"allowed_domain\":")
            string(fields.allowedDomain)
            raw(",\"created_at\":")
            timestamp(connection.created)
            raw(",\"name\":")
            string(connection.name)
            raw(",\"password\":")
            raw(Self.maskedSecret)
            raw(",\"updated_at\":")
            timestamp(connection.updated)
            raw(",\"username\":")
            string(fields.username)
            raw("}")
        case .bearerToken(let fields):
            raw("{\"allowed_domain\":")
            string(fields.allowedDomain)
            raw(",\"created_at\":")
            timestamp(connection.created)
            raw(",\"name\":")
            string(connection.name)
            raw(",\"token\":")
            raw(Self.maskedSecret)
            raw(",\"updated_at\":")
            timestamp(connection.updated)
            raw("}")
        case .oauth(let fields):
            // OAuth tokens are shown in clear [doc]; OAuth items carry no timestamps in the list.
            raw("{\"access_token\":")
            string(fields.accessToken)
            raw(",\"created_by\":")
            string(fields.createdBy)
            raw(",\"name\":")
            string(connection.name)
            raw(",\"oauth_access_token_response_body\":")
            string(fields.oauthAccessTokenResponseBody)
            raw(",\"oauth_url_subdomain\":")
            string(fields.oauthURLSubdomain)
            raw(",\"permission_scope\":")
            string(fields.permissionScope)
            raw(",\"refresh_token\":")
            string(fields.refreshToken)
            raw(",\"token_expiry\":")
            string(fields.tokenExpiry)
            raw(",\"token_type\":")
            string(fields.tokenType)
            raw(",\"uuid\":")
            string(fields.uuid)
            raw("}")
        }
    }

    /// Straight from the packed digits, which need no escaping; no `String` is made per field.
    mutating func timestamp(_ value: CompactTimestamp) {
        guard value.isPacked else { return string(value.text) }
        bytes.append(UInt8(ascii: "\""))
        value.appendText(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
}
