import ZISDomain

extension JSONWriter {
    /// One OAuth client, keys in alphabetical order like every other ZIS object; the client
    /// secret is write-only and always rendered as the mask (spec §1).
    mutating func oauthClient(_ client: OAuthClient) {
        raw("{\"auth_url\":")
        string(client.authURL)
        raw(",\"client_id\":")
        string(client.clientID)
        raw(",\"client_secret\":")
        raw(Self.maskedSecret)
        raw(",\"default_scopes\":")
        string(client.defaultScopes)
        raw(",\"grant_type\":")
        string(client.grantType.rawValue)
        raw(",\"name\":")
        string(client.name)
        raw(",\"token_url\":")
        string(client.tokenURL)
        raw(",\"uuid\":")
        string(client.uuid)
        raw("}")
    }
}
