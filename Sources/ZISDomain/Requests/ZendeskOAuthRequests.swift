/// `POST /api/services/zis/registry/{integration}`: `{"description": "…"}` [doc].
package struct RegistrationRequest: Sendable {
    package let description: String

    package init(fields: RequestFields) throws(ZISError) {
        try fields.rejectUnknown(allowed: ["description"])
        description = try fields.string("description") ?? ""
    }
}

/// `POST /api/v2/oauth/tokens`: `{"token":{"client_id":<id>,"scopes":["read","write"]}}` [doc].
package struct AdminTokenRequest: Sendable {
    package let clientID: Int
    package let scopes: Set<Scope>

    package init(fields: RequestFields) throws(ZISError) {
        try fields.rejectUnknown(allowed: ["client_id", "scopes"])
        guard let clientID = try fields.integer("client_id") else { throw .badRequest(detail: "client_id is required") }
        guard let names = try fields.strings("scopes"), !names.isEmpty else { throw .badRequest(detail: "scopes is required") }
        self.clientID = clientID
        self.scopes = try Scope.set(named: names) { .badRequest(detail: $0) }
    }
}

/// A `POST /oauth/tokens` request (RFC 6749 §3.2): its parameters from a form or a JSON body,
/// the client authenticated by a Basic header or by `client_id`/`client_secret` in the body.
package struct TokenRequest: Sendable {
    package let grant: TokenGrantRequest
    package let clientIdentifier: String
    package let clientSecret: String
    /// nil when the request names no scope.
    package let scopes: Set<Scope>?
    package let expiresIn: Int?
    package let refreshTokenExpiresIn: Int?

    /// `basic`: the decoded Basic credentials, when the request had them.
    package init(parameters: [String: String], basic: (user: String, password: String)?) throws(ZISError) {
        guard let grantType = parameters["grant_type"], !grantType.isEmpty else { throw .invalidRequest("grant_type is required") }
        switch grantType {
        case "authorization_code":
            guard let code = parameters["code"], !code.isEmpty else { throw .invalidRequest("code is required") }
            grant = .authorizationCode(code: code, redirectURI: parameters["redirect_uri"])
        case "client_credentials":
            grant = .clientCredentials
        case "refresh_token":
            guard let token = parameters["refresh_token"], !token.isEmpty else { throw .invalidRequest("refresh_token is required") }
            grant = .refreshToken(token)
        default:
            throw .unsupportedGrantType
        }
        // RFC 6749 §2.3: one client authentication a request; a body `client_id` beside a Basic
        // header must name the same client.
        if let basic, parameters["client_secret"] != nil || parameters["client_id"].map({ $0 != basic.user }) == true {
            throw .invalidRequest("Authenticate the client once: a Basic header, or client_id and client_secret in the body")
        }
        guard let identifier = basic?.user ?? parameters["client_id"], let secret = basic?.password ?? parameters["client_secret"] else {
            throw .invalidClient("client_id and client_secret are required, in the body or as a Basic header")
        }
        clientIdentifier = identifier
        clientSecret = secret
        // RFC 6749 §3.3: space-delimited.
        scopes = try parameters["scope"].map { text throws(ZISError) in
            try Scope.set(named: text.split(separator: " ").map(String.init)) { .invalidScope($0) }
        }
        expiresIn = try Self.seconds("expires_in", parameters, within: ZendeskOAuthState.accessLifetimes)
        refreshTokenExpiresIn = try Self.seconds("refresh_token_expires_in", parameters, within: ZendeskOAuthState.refreshLifetimes)
    }

    private static func seconds(_ key: String, _ parameters: [String: String], within range: ClosedRange<Int>) throws(ZISError) -> Int? {
        guard let text = parameters[key] else { return nil }
        guard let seconds = Int(text), range.contains(seconds) else {
            throw .invalidRequest("\(key) must be more than \(range.lowerBound - 1) and less than \(range.upperBound + 1) seconds")
        }
        return seconds
    }
}
