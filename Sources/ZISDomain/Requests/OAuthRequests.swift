/// Bodies of the OAuth client endpoints and of the OAuth start endpoint (spec §5).
enum OAuthRequests {
    static let clientFields = ["name", "client_id", "client_secret", "auth_url", "token_url", "default_scopes", "grant_type"]

    /// `POST …/oauth/clients/{integration}`: `name`, `client_id`, `client_secret`, `token_url`
    /// are required [doc: client_id, client_secret, token_url; ours: name, which start looks clients up by].
    static func createClient(fields: RequestFields) throws(ZISError) -> OAuthClient {
        try fields.rejectUnknown(allowed: clientFields)
        let name = try fields.requiredString("name")
        try validateClientName(name)
        let clientID = try fields.requiredString("client_id")
        let clientSecret = try fields.requiredString("client_secret")
        let tokenURL = try fields.requiredString("token_url")
        try validateURL(tokenURL, field: "token_url")
        let authURL = try fields.string("auth_url") ?? ""
        if !authURL.isEmpty { try validateURL(authURL, field: "auth_url") }
        return OAuthClient(
            name: name, clientID: clientID, clientSecret: clientSecret, authURL: authURL, tokenURL: tokenURL,
            defaultScopes: try fields.string("default_scopes") ?? "",
            grantType: try grantType(fields) ?? .authorizationCode,
            uuid: RandomToken.uuidV4())
    }

    /// `PATCH …/oauth/clients/{integration}/{uuid}`: any client field may change.
    static func updateClient(_ client: OAuthClient, fields: RequestFields) throws(ZISError) -> OAuthClient {
        try fields.rejectUnknown(allowed: clientFields)
        var updated = client
        if let name = try fields.nonEmptyString("name") {
            try validateClientName(name)
            updated.name = name
        }
        if let clientID = try fields.nonEmptyString("client_id") { updated.clientID = clientID }
        if let clientSecret = try fields.nonEmptyString("client_secret") { updated.clientSecret = clientSecret }
        if let tokenURL = try fields.nonEmptyString("token_url") {
            try validateURL(tokenURL, field: "token_url")
            updated.tokenURL = tokenURL
        }
        if let authURL = try fields.string("auth_url") {
            if !authURL.isEmpty { try validateURL(authURL, field: "auth_url") }
            updated.authURL = authURL
        }
        if let scopes = try fields.string("default_scopes") { updated.defaultScopes = scopes }
        if let grant = try grantType(fields) { updated.grantType = grant }
        return updated
    }

    /// The validated fields of `POST …/oauth/start/{integration}`; the client is resolved by the service.
    struct Start {
        var name: String
        var clientName: String?
        var clientUUID: String?
        var permissionScopes: String?
        var oauthURLSubdomain: String
        var originRedirectURL: String?
        var grantType: OAuthClient.GrantType?
    }

    static func start(fields: RequestFields) throws(ZISError) -> Start {
        try fields.rejectUnknown(allowed: [
            "name", "oauth_client_name", "oauth_client_uuid", "permission_scopes", "oauth_url_subdomain",
            "origin_oauth_redirect_url", "grant_type",
        ])
        let name = try fields.requiredString("name")
        try TypedConnectionRequest.validateName(name)
        let clientName = try fields.nonEmptyString("oauth_client_name")
        let clientUUID = try fields.nonEmptyString("oauth_client_uuid")
        guard clientName != nil || clientUUID != nil else {
            throw .badRequest(detail: "oauth_client_name or oauth_client_uuid is required")
        }
        let redirect = try fields.nonEmptyString("origin_oauth_redirect_url")
        if let redirect { try validateURL(redirect, field: "origin_oauth_redirect_url") }
        return Start(
            name: name, clientName: clientName, clientUUID: clientUUID,
            permissionScopes: try fields.string("permission_scopes"),
            oauthURLSubdomain: try fields.string("oauth_url_subdomain") ?? "",
            originRedirectURL: redirect, grantType: try grantType(fields))
    }

    private static func grantType(_ fields: RequestFields) throws(ZISError) -> OAuthClient.GrantType? {
        guard let text = try fields.string("grant_type") else { return nil }
        guard let grant = OAuthClient.GrantType(rawValue: text) else {
            throw .badRequest(detail: "grant_type must be authorization_code or client_credentials")
        }
        return grant
    }

    private static func validateClientName(_ name: String) throws(ZISError) {
        guard NameRules.isValidConnectionName(name) else {
            throw .badRequest(detail: "name must be 3-64 characters of A-Z a-z 0-9 _ -")
        }
    }

    /// An absolute http(s) URL of visible ASCII [ours]: it may end up in a `Location` header,
    /// so spaces and control characters (header injection) are refused.
    static func validateURL(_ url: String, field: String) throws(ZISError) {
        let lowered = String(decoding: url.utf8.prefix(8).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }, as: UTF8.self)
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), url.utf8.count <= 2048,
            url.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else {
            throw .badRequest(detail: "\(field) must be an absolute http or https URL")
        }
    }
}
