import ZISDomain

extension JSONWriter {
    /// One OAuth client with every field of Zendesk's OAuth Clients JSON format [doc] plus `name`,
    /// keys in alphabetical order like every other ZIS object; the client secret is write-only
    /// and always rendered as the mask (spec §1).
    mutating func oauthClient(_ client: OAuthClient, integration: String) {
        raw("{\"auth_url\":")
        string(client.authURL)
        raw(",\"client_id\":")
        string(client.clientID)
        raw(",\"client_secret\":")
        raw(Self.maskedSecret)
        raw(",\"created_at\":")
        string(client.createdAt)
        raw(",\"created_by\":")
        string(client.createdBy)
        raw(",\"default_scopes\":")
        string(client.defaultScopes)
        raw(",\"grant_type\":")
        string(client.grantType.rawValue)
        raw(",\"integration\":")
        string(integration)
        raw(",\"name\":")
        string(client.name)
        raw(",\"token_url\":")
        string(client.tokenURL)
        raw(",\"updated_at\":")
        string(client.updatedAt)
        raw(",\"uuid\":")
        string(client.uuid)
        raw("}")
    }
}
