import ZISMockBasics

/// Bodies of the OAuth client endpoints and of the OAuth start endpoint (spec §5).
package enum OAuthRequests {
    static let clientFields = ["name", "client_id", "client_secret", "auth_url", "token_url", "default_scopes", "grant_type"]

    /// `POST …/oauth/clients/{integration}`: `client_id`, `client_secret` and `token_url` are
    /// required [doc]; `name` is not (the "Managing third-party OAuth tokens" example sends none):
    /// a client created without one is named by its uuid [ours], so start can still find it by name.
    package static func createClient(fields: RequestFields) throws(ZISError) -> OAuthClient {
        try fields.rejectUnknown(allowed: clientFields)
        let uuid = RandomToken.uuidV4()
        let name = try fields.nonEmptyString("name") ?? uuid
        try validateClientName(name)
        let clientID = try fields.requiredString("client_id")
        let clientSecret = try fields.requiredString("client_secret")
        let tokenURL = try fields.requiredString("token_url")
        try validateProviderURL(tokenURL, field: "token_url")
        let authURL = try fields.string("auth_url") ?? ""
        if !authURL.isEmpty { try validateProviderURL(authURL, field: "auth_url") }
        return OAuthClient(
            name: name, clientID: clientID, clientSecret: clientSecret, authURL: authURL, tokenURL: tokenURL,
            defaultScopes: try fields.string("default_scopes") ?? "",
            grantType: try grantType(fields) ?? .authorizationCode, uuid: uuid)
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
            try validateProviderURL(tokenURL, field: "token_url")
            updated.tokenURL = tokenURL
        }
        if let authURL = try fields.string("auth_url") {
            if !authURL.isEmpty { try validateProviderURL(authURL, field: "auth_url") }
            updated.authURL = authURL
        }
        if let scopes = try fields.string("default_scopes") { updated.defaultScopes = scopes }
        if let grant = try grantType(fields) { updated.grantType = grant }
        return updated
    }

    /// Fields of a start body [doc: the OAuth Connections reference and the tutorials' bodies].
    static let startFields = [
        "name", "oauth_client_name", "oauth_client_uuid", "permission_scopes", "oauth_url_subdomain",
        "origin_oauth_redirect_url", "grant_type", "allow_offline_access",
    ]

    /// `POST …/oauth/start/{integration}`. `name` is not mandatory [doc]: without it the connection
    /// takes the client's name [ours] (the tutorials name a `zendesk` client's connection `zendesk`).
    /// `allow_offline_access` [doc: every tutorial body sends `true`] must be a boolean; the
    /// simulated provider issues a refresh token either way [ours], as ZIS refreshes every
    /// authorization-code connection [doc].
    package static func start(fields: RequestFields) throws(ZISError) -> OAuthFlowStart {
        try fields.rejectUnknown(allowed: startFields)
        let name = try fields.nonEmptyString("name")
        if let name, !NameRules.isValidConnectionName(name) { throw .badRequest(detail: NameRules.connectionNameRule) }
        let clientName = try fields.nonEmptyString("oauth_client_name")
        let clientUUID = try fields.nonEmptyString("oauth_client_uuid")
        guard clientName != nil || clientUUID != nil else {
            throw .badRequest(detail: "oauth_client_name or oauth_client_uuid is required")
        }
        _ = try fields.bool("allow_offline_access")
        let redirect = try fields.nonEmptyString("origin_oauth_redirect_url")
        if let redirect { try validateURL(redirect, field: "origin_oauth_redirect_url") }
        return OAuthFlowStart(
            name: name, clientName: clientName, clientUUID: clientUUID,
            permissionScopes: try fields.string("permission_scopes"),
            oauthURLSubdomain: try fields.string("oauth_url_subdomain") ?? "",
            originRedirectURL: redirect, grantType: try grantType(fields))
    }

    static func grantType(_ fields: RequestFields) throws(ZISError) -> OAuthClient.GrantType? {
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

    /// A provider URL: absolute http(s) once its subdomain placeholder is filled (`OAuthURLTemplate`).
    private static func validateProviderURL(_ url: String, field: String) throws(ZISError) {
        try validateURL(OAuthURLTemplate.interpolate(url, subdomain: "subdomain"), field: field)
    }

    /// An absolute http(s) URL [ours]: only RFC 3986 characters (it may end up in a `Location`
    /// header, so spaces and control characters — header injection — are refused) and a
    /// well-formed authority: a non-empty host and, if given, a numeric port.
    package static func validateURL(_ url: String, field: String) throws(ZISError) {
        let bytes = Array(url.utf8)
        let lowered = String(decoding: bytes.prefix(8).map(\.asciiLowercased), as: UTF8.self)
        let schemeLength = lowered.hasPrefix("https://") ? 8 : lowered.hasPrefix("http://") ? 7 : 0
        guard schemeLength > 0, bytes.count <= 2048, bytes.allSatisfy(isURIByte),
            hasValidAuthorityAndRest(bytes[schemeLength...])
        else {
            throw .badRequest(detail: "\(field) must be an absolute http or https URL")
        }
    }

    /// RFC 3986 unreserved, reserved and `%`.
    private static func isURIByte(_ byte: UInt8) -> Bool {
        byte.isASCIIAlphanumeric || "-._~:/?#[]@!$&'()*+,;=%".utf8.contains(byte)
    }

    /// `[userinfo@]host[:port]` then path, query and fragment, where brackets may not appear.
    private static func hasValidAuthorityAndRest(_ rest: ArraySlice<UInt8>) -> Bool {
        let end = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? rest.endIndex
        guard !rest[end...].contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }) else { return false }
        var authority = rest[rest.startIndex..<end]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        let isPort = { (digits: ArraySlice<UInt8>) in
            (1...5).contains(digits.count) && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        if authority.first == UInt8(ascii: "[") {
            // An IP literal: hex digits, colons and dots between brackets.
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = authority[(authority.startIndex + 1)..<close]
            let isLiteralByte = { (byte: UInt8) in byte.isASCIIAlphanumeric || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") }
            guard !literal.isEmpty, literal.allSatisfy(isLiteralByte) else { return false }
            let after = authority[(close + 1)...]
            return after.isEmpty || (after.first == UInt8(ascii: ":") && isPort(after.dropFirst()))
        }
        var host = authority
        if let colon = authority.firstIndex(of: UInt8(ascii: ":")) {
            guard isPort(authority[(colon + 1)...]) else { return false }
            host = authority[..<colon]
        }
        return !host.isEmpty && host.allSatisfy { $0.isASCIIAlphanumeric || "-._~%!$&'()*+,;=".utf8.contains($0) }
    }
}
