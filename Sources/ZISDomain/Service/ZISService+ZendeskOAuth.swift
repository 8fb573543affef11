/// Zendesk's OAuth endpoints as the ZIS tutorials use them (issue 15): the consent page's
/// authorization codes, `/oauth/tokens` and the admin API `/api/v2/oauth/…`. A token minted here
/// is a ZIS token of the client's integration, and an admin token of its owner.
extension ZISService {
    /// `GET /api/v2/oauth/clients`: every registered integration's client, by id.
    package func zendeskOAuthClients() -> [ZendeskClientListing] {
        registeredIntegrations().map { ZendeskClientListing(integration: $0.name, client: $0.registration.zendeskOAuthClient) }
            .sorted { $0.client.id < $1.client.id }
    }

    /// The client named `identifier` (`zis_<integration>`), or 400 `invalid_client` style nil.
    package func zendeskOAuthClient(identifier: String) -> ZendeskClientListing? {
        zendeskOAuthClients().first { $0.client.identifier == identifier }
    }

    /// "Allow" on the consent page: a single-use code for `clientIdentifier`, good for ten minutes.
    /// The admin who consents is the account's first [ours: the mock has no sign-in page].
    package func issueAuthorizationCode(clientIdentifier: String, redirectURI: String?, scopes: Set<Scope>) throws(ZISError) -> String {
        guard zendeskOAuthClient(identifier: clientIdentifier) != nil else { throw .invalidClient("Unknown client \(clientIdentifier)") }
        let code = RandomToken.hex(byteCount: 24)
        let now = self.now()
        // Not logged (`withLock`, not `commit`): a code lives 120 s and is not kept across a restart [ours].
        state.withLock { state in
            if state.zendeskOAuth.authorizationCodes.count >= ZendeskOAuthState.maximumPendingCodes {
                state.zendeskOAuth.authorizationCodes.remove(at: state.zendeskOAuth.authorizationCodes.startIndex)
            }
            state.zendeskOAuth.authorizationCodes[code] = AuthorizationCode(
                clientIdentifier: clientIdentifier, redirectURI: redirectURI, scopes: scopes, owner: state.authorizer.admins.first?.email,
                expiresAt: now + ZendeskOAuthState.codeLifetimeSeconds)
        }
        return code
    }

    /// `POST /oauth/tokens`: the client authenticates with its identifier and secret (RFC 6749
    /// §2.3.1), then the grant is checked. A refresh token comes with every grant but client
    /// credentials and invalidates the previous access and refresh tokens when used [doc].
    package func exchangeToken(_ request: TokenRequest) throws(ZISError) -> IssuedToken {
        guard let listing = zendeskOAuthClient(identifier: request.clientIdentifier), listing.client.secret == request.clientSecret else {
            throw .invalidClient()
        }
        let now = self.now()
        let lifetime = request.expiresIn ?? tokenLifetimeSeconds
        let refreshLifetime = request.refreshTokenExpiresIn ?? ZendeskOAuthState.defaultRefreshLifetimeSeconds
        let accessToken = "zis_mock_at_" + RandomToken.hex(byteCount: 20)
        let refreshToken = request.grant == .clientCredentials ? nil : "zis_mock_rt_" + RandomToken.hex(byteCount: 20)
        return try commit { state, changes throws(ZISError) -> IssuedToken in
            let scopes: Set<Scope>
            let owner: String?
            switch request.grant {
            case .authorizationCode(let code, let redirectURI):
                guard let issued = state.zendeskOAuth.authorizationCodes.removeValue(forKey: code), issued.expiresAt > now,
                    issued.clientIdentifier == request.clientIdentifier, issued.redirectURI == nil || issued.redirectURI == redirectURI
                else { throw .invalidGrant }
                (scopes, owner) = (request.scopes ?? issued.scopes, issued.owner)
            case .clientCredentials:
                // "The token's user will be the one associated with the client" [doc]: the account's first admin [ours].
                (scopes, owner) = (request.scopes ?? Set(Scope.allCases), state.authorizer.admins.first?.email)
            case .refreshToken(let token):
                guard let refresh = state.zendeskOAuth.refreshTokens.removeValue(forKey: token), refresh.expiresAt > now,
                    refresh.clientIdentifier == request.clientIdentifier
                else { throw .invalidGrant }
                state.authorizer.tokens.revoke(refresh.accessToken)
                changes.record(.tokenRevoked(token: refresh.accessToken))
                (scopes, owner) = (request.scopes ?? refresh.scopes, refresh.owner)
            }
            let grant = TokenGrant(integration: listing.integration, scopes: scopes, expiresAt: lifetime.map { now + $0 }, owner: owner)
            state.authorizer.tokens.register(token: accessToken, grant: grant)
            changes.record(.tokenRegistered(token: accessToken, grant))
            // Refresh tokens are not logged: the seed format has no place for them [ours].
            if let refreshToken {
                state.zendeskOAuth.refreshTokens[refreshToken] = RefreshGrant(
                    clientIdentifier: request.clientIdentifier, integration: listing.integration, scopes: scopes, owner: owner,
                    accessToken: accessToken, expiresAt: now + refreshLifetime)
            }
            return IssuedToken(
                accessToken: accessToken, scopes: Scope.allCases.filter(scopes.contains), expiresIn: lifetime,
                refreshToken: refreshToken, refreshTokenExpiresIn: refreshToken == nil ? nil : refreshLifetime)
        }
    }

    /// `POST /api/v2/oauth/tokens`: a token of client `clientID` for the admin who asks.
    package func mintAdminToken(clientID: Int, scopes: Set<Scope>, admin: AdminUser) throws(ZISError) -> AdminMintedToken {
        guard let listing = zendeskOAuthClients().first(where: { $0.client.id == clientID }) else {
            throw .notFound(detail: "OAuth client \(clientID) does not exist")
        }
        let token = "zis_mock_at_" + RandomToken.hex(byteCount: 20)
        let now = self.now()
        let expiresAt = tokenLifetimeSeconds.map { now + $0 }
        return commit { state, changes in
            let grant = TokenGrant(integration: listing.integration, scopes: scopes, expiresAt: expiresAt, owner: admin.email)
            state.authorizer.tokens.register(token: token, grant: grant)
            changes.record(.tokenRegistered(token: token, grant))
            let id = state.zendeskOAuth.nextTokenID
            state.zendeskOAuth.nextTokenID += 1
            return AdminMintedToken(
                id: id, userID: admin.id, clientID: clientID, fullToken: token, scopes: Scope.allCases.filter(scopes.contains),
                createdAt: now, expiresAt: expiresAt)
        }
    }
}
