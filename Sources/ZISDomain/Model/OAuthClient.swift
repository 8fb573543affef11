/// An OAuth client registered for an integration (spec §5, issue 16): what ZIS needs to run an
/// OAuth flow with a provider. Fields as Zendesk's OAuth Clients JSON format lists them [doc:
/// `auth_url`, `client_id`, `client_secret`, `created_at`, `created_by`, `default_scopes`,
/// `grant_type`, `integration` (the owner, not stored here), `token_url`, `updated_at`, `uuid`]
/// plus `name`, which start requests look clients up by.
public struct OAuthClient: Sendable, Equatable {
    public var name: String
    public var clientID: String
    public var clientSecret: String
    /// May hold the subdomain placeholder (`OAuthURLTemplate`) that a flow's `oauth_url_subdomain` fills.
    public var authURL: String
    public var tokenURL: String
    public var defaultScopes: String
    public var grantType: GrantType
    public var uuid: String
    /// RFC 3339 UTC text, like a connection's.
    public var createdAt: String
    public var updatedAt: String
    /// The id of the admin whose token created it; "" when unknown (seeded tokens) [ours].
    public var createdBy: String

    public enum GrantType: String, Sendable, CaseIterable {
        case authorizationCode = "authorization_code"
        case clientCredentials = "client_credentials"
    }

    public init(
        name: String, clientID: String, clientSecret: String, authURL: String, tokenURL: String,
        defaultScopes: String, grantType: GrantType, uuid: String, createdAt: String = "", updatedAt: String = "",
        createdBy: String = ""
    ) {
        self.name = name
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.authURL = authURL
        self.tokenURL = tokenURL
        self.defaultScopes = defaultScopes
        self.grantType = grantType
        self.uuid = uuid
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.createdBy = createdBy
    }
}

/// The subdomain placeholder of a client's `auth_url`/`token_url`, which a flow's
/// `oauth_url_subdomain` fills [doc: "used to interpolate the subdomain placeholder in the OAuth
/// provider's authorization or token URL"]. Zendesk's pages do not spell the placeholder; both
/// `{{subdomain}}` (as its Postman variables) and `{subdomain}` (as its URL templates) are taken [ours].
package enum OAuthURLTemplate {
    static let placeholders = ["{{subdomain}}", "{subdomain}"]

    /// `url` with every placeholder replaced by `subdomain`.
    package static func interpolate(_ url: String, subdomain: String) -> String {
        var result = url
        for placeholder in placeholders { result = result.replacingAll(placeholder, with: subdomain) }
        return result
    }
}

extension String {
    /// Every occurrence of `target` replaced (the domain has no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        let bytes = Array(utf8), pattern = Array(target.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + pattern.count <= bytes.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                output += replacement.utf8
                index += pattern.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
