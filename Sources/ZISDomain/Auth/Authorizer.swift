/// The authentication and authorization decision of spec §2, in its documented order, and the
/// admin sign-in of the Registry and the Zendesk OAuth API (issue 15). Routing has already
/// matched the path (404/405 come first [ours]); this runs on every call.
package struct Authorizer: Sendable {
    package var tokens: TokenRegistry
    package var admins: [AdminUser]

    package init(tokens: TokenRegistry, admins: [AdminUser] = []) {
        self.tokens = tokens
        self.admins = admins.enumerated().map { index, admin in
            var numbered = admin
            numbered.id = index + 1
            return numbered
        }
    }

    /// A ZIS endpoint's decision: a token of `integration` with `required`, or an admin's browser
    /// session ("A Zendesk app can also authorize requests … using an admin's browser session"
    /// [doc]), which may use every integration [ours]. `now` decides expiry, read only when a
    /// token has one; `changesState`
    /// whether a session must carry its CSRF token.
    package func authorize(
        _ credentials: Credentials, integration: String, required: Scope, now: @autoclosure () -> Int, changesState: Bool
    ) throws(ZISError) -> TokenGrant {
        switch credentials {
        case .none, .otherScheme:
            throw .invalidCredentials
        case .basic:
            throw .apiTokenNotSupported
        case .session:
            let admin = try self.admin(credentials, now: now(), changesState: changesState)
            return TokenGrant(integration: integration, scopes: Set(Scope.allCases), owner: admin.email)
        case .bearer(let token):
            guard NameRules.isValidTokenLength(token) else { throw .invalidTokenLength }
            guard let grant = tokens.grant(for: token), !grant.isExpired(at: now()) else { throw .invalidCredentials }
            guard grant.integration == integration else { throw .integrationMismatch }
            guard grant.allows(required) else { throw .missingScope(required) }
            return grant
        }
    }

    /// Who an admin request comes from: Basic `{email}/token:{api_token}` or `{email}:{password}`,
    /// a bearer token an admin minted, or a browser session (with its CSRF token when the request
    /// changes state).
    package func admin(_ credentials: Credentials, now: Int, changesState: Bool) throws(ZISError) -> AdminUser {
        switch credentials {
        case .basic(let user?, let password?):
            let tokenSuffix = "/token"
            if user.hasSuffix(tokenSuffix) {
                let email = String(user.dropLast(tokenSuffix.count))
                if let admin = admins.first(where: { $0.email == email && $0.apiToken == password }) { return admin }
            } else if let admin = admins.first(where: { $0.email == user && $0.password == password }) {
                return admin
            }
            throw .adminAuthenticationFailed
        case .bearer(let token):
            guard let grant = tokens.grant(for: token), !grant.isExpired(at: now), let owner = grant.owner,
                let admin = admins.first(where: { $0.email == owner })
            else { throw .invalidToken }
            return admin
        case .session(let cookie, let csrfToken):
            guard let admin = admins.first(where: { $0.session == cookie }) else { throw .adminAuthenticationFailed }
            if changesState, csrfToken == nil || csrfToken != admin.csrfToken { throw .invalidCSRFToken }
            return admin
        case .none, .basic, .otherScheme:
            throw .adminAuthenticationFailed
        }
    }
}
