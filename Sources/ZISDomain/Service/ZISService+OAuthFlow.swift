/// The OAuth flow that makes an OAuth connection (spec §5, issue 16), as ZIS runs it:
/// start → the provider's authorization page → ZIS's callback, which exchanges the code at the
/// provider and sends the browser on to `origin_oauth_redirect_url`. Every client's provider is
/// the simulated one (`OAuthProviderBehaviour`) except the built-in `zendesk` client's, which is
/// Zendesk's own OAuth of issue 15, so its connection holds a working ZIS token.
extension ZISService {
    /// `POST …/oauth/start/{integration}` → the `redirect_url`, built on `callbackBase`
    /// (`scheme://host` of the request, so it never names the bind address, spec §1):
    /// - authorization code: the provider's authorization page (`response_type`, `client_id`,
    ///   `redirect_uri` = ZIS's callback, `scope`, `state`; RFC 6749 §4.1.1);
    /// - client credentials: ZIS's callback itself, which needs the integration's bearer token
    ///   [field] and exchanges the client's credentials at the provider (no user, no consent).
    package func startOAuthFlow(_ start: OAuthFlowStart, integration: String, callbackBase: String) throws(ZISError) -> String {
        let flowState = RandomToken.hex(byteCount: 24)
        let callbackURL = callbackBase + OAuthPaths.callback
        // Not logged (`withLock`, not `commit`): a pending flow is not kept across a restart [ours].
        return try state.withLock { state throws(ZISError) -> String in
            guard let integrationState = state.integrations[integration] else { throw Self.unknownIntegration(integration) }
            let client = try Self.resolveClient(start, in: integrationState.oauthClients)
            let name = start.name ?? client.name
            guard integrationState.connections.element(named: name) == nil else {
                throw .conflict(detail: "A connection named \(name) already exists")
            }
            if state.pendingOAuthFlows.count >= PendingOAuthFlow.maximumPending {
                state.pendingOAuthFlows.remove(at: state.pendingOAuthFlows.startIndex)
            }
            let flow = PendingOAuthFlow(
                integration: integration, name: name, client: client, grantType: start.grantType ?? client.grantType,
                permissionScopes: start.permissionScopes ?? client.defaultScopes, oauthURLSubdomain: start.oauthURLSubdomain,
                originRedirectURL: start.originRedirectURL, callbackURL: callbackURL)
            state.pendingOAuthFlows[flowState] = flow
            guard flow.grantType == .authorizationCode else { return QueryString.appending([("state", flowState)], to: callbackURL) }
            let page = Self.isZendeskClient(client, of: integrationState) ? OAuthPaths.zendeskAuthorize : OAuthPaths.providerAuthorize
            return QueryString.appending(
                [("response_type", "code"), ("client_id", client.clientID), ("redirect_uri", callbackURL),
                 ("scope", flow.permissionScopes), ("state", flowState)],
                to: callbackBase + page)
        }
    }

    /// What the simulated provider's authorization page answers for the flow `state`: its
    /// Allow/Deny page, or (when `decision` is given, or the behaviour decides at once) the
    /// redirect to ZIS's callback with a `code` or `error=access_denied` (RFC 6749 §4.1.2).
    package func authorizeAtProvider(state flowState: String, decision: Bool?) throws(ZISError) -> ProviderAnswer {
        let code = "mock_code_" + RandomToken.hex(byteCount: 16)
        return try state.withLock { state throws(ZISError) -> ProviderAnswer in
            guard let flow = state.pendingOAuthFlows[flowState], flow.grantType == .authorizationCode,
                !Self.isZendeskClient(flow.client, of: state.integrations[flow.integration])
            else { throw .invalidAuthorizationRequest("state names no flow waiting at this provider") }
            let allowed: Bool
            switch (decision, state.oauthProvider.consent) {
            case (let decided?, _): allowed = decided
            case (nil, .approve): allowed = true
            case (nil, .deny): allowed = false
            case (nil, .page):
                return .page(
                    ProviderAuthorization(
                        clientID: flow.client.clientID, clientName: flow.client.name, integration: flow.integration,
                        scopes: flow.permissionScopes,
                        standsInFor: OAuthURLTemplate.interpolate(flow.client.authURL, subdomain: flow.oauthURLSubdomain),
                        state: flowState))
            }
            guard allowed else {
                return .redirect(
                    QueryString.appending(
                        [("error", "access_denied"), ("error_description", "The user denied access"), ("state", flowState)],
                        to: flow.callbackURL))
            }
            state.pendingOAuthFlows[flowState]!.providerCode = code
            return .redirect(QueryString.appending([("code", code), ("state", flowState)], to: flow.callbackURL))
        }
    }

    /// ZIS's callback: ends the flow `callback.state` names (once), exchanging the provider's code
    /// — or, for client credentials, the client's credentials — for tokens, and makes the
    /// connection. A client-credentials flow needs the integration's bearer token, checked
    /// before the flow is used up. Unknown or used state → 400; the name taken meanwhile → 409.
    package func completeOAuthFlow(_ callback: OAuthCallback, credentials: Credentials) throws(ZISError) -> OAuthCompletion {
        let peeked = state.withLock { $0.pendingOAuthFlows[callback.state] }
        guard let peeked else { throw .badRequest(detail: "state is unknown or has already been used") }
        if peeked.grantType == .clientCredentials {
            _ = try authorize(credentials, integration: peeked.integration, scope: .write)
        }
        guard let flow = state.withLock({ $0.pendingOAuthFlows.removeValue(forKey: callback.state) }) else {
            throw .badRequest(detail: "state is unknown or has already been used")
        }
        let tokens: ProviderTokens
        do throws(ZISError) {
            if let error = callback.error {
                throw ProviderRefusal(error: error, description: callback.errorDescription ?? "").asError
            }
            tokens = try exchangeAtProvider(flow, code: callback.code)
        } catch {
            return .refused(error, redirectURL: flow.originRedirectURL.map { Self.refusalRedirect($0, error) })
        }
        let now = self.now()
        let stamp = Timestamp.format(secondsSinceEpoch: now)
        let connection = Connection(
            name: flow.name, createdAt: stamp, updatedAt: stamp,
            payload: .oauth(
                OAuthConnectionFields(
                    accessToken: tokens.accessToken, oauthAccessTokenResponseBody: tokens.responseBody, oauthClientUUID: flow.client.uuid,
                    oauthURLSubdomain: flow.oauthURLSubdomain, permissionScope: tokens.scope, refreshToken: tokens.refreshToken ?? "",
                    tokenExpiry: tokens.expiresIn.map { Timestamp.format(secondsSinceEpoch: now + $0) } ?? "", tokenType: "bearer",
                    uuid: RandomToken.uuidV4())))
        try insertConnection(connection, integration: flow.integration)
        let verification = QueryString.appending([("verification_token", RandomToken.hex(byteCount: 16))], to: flow.originRedirectURL ?? "")
        return .connected(
            connection: connection, integration: flow.integration, accountID: zendeskAccountID,
            redirectURL: flow.originRedirectURL == nil ? nil : verification)
    }

    /// The simulated provider's behaviour (`GET /__admin/oauth-provider`).
    package var oauthProviderBehaviour: OAuthProviderBehaviour { state.withLock { $0.oauthProvider } }

    /// `PUT /__admin/oauth-provider`: `change` applied under the lock, so two tests' changes never
    /// undo each other; a refused change changes nothing.
    package func updateOAuthProviderBehaviour(
        _ change: (inout OAuthProviderBehaviour) throws(ZISError) -> Void
    ) throws(ZISError) -> OAuthProviderBehaviour {
        try state.withLock { state throws(ZISError) -> OAuthProviderBehaviour in
            var behaviour = state.oauthProvider
            try change(&behaviour)
            state.oauthProvider = behaviour
            return behaviour
        }
    }

    // MARK: Helpers

    /// The token request at the flow's provider: Zendesk's `/oauth/tokens` for the `zendesk`
    /// client, the simulated provider for every other.
    private func exchangeAtProvider(_ flow: PendingOAuthFlow, code: String?) throws(ZISError) -> ProviderTokens {
        var parameters = ["client_id": flow.client.clientID, "client_secret": flow.client.clientSecret, "scope": flow.permissionScopes]
        switch flow.grantType {
        case .authorizationCode:
            guard let code, !code.isEmpty else { throw ProviderRefusal.invalidGrant("code is required").asError }
            parameters["grant_type"] = "authorization_code"
            parameters["code"] = code
            parameters["redirect_uri"] = flow.callbackURL
        case .clientCredentials:
            parameters["grant_type"] = "client_credentials"
        }
        let isZendesk = state.withLock { Self.isZendeskClient(flow.client, of: $0.integrations[flow.integration]) }
        if isZendesk { return try zendeskTokens(TokenRequest(parameters: parameters, basic: nil)) }
        return try state.withLock { state throws(ZISError) -> ProviderTokens in
            guard state.oauthProvider.tokenExchange == .succeed else {
                throw ProviderRefusal.invalidGrant("The provider refused the token request").asError
            }
            if flow.grantType == .authorizationCode, code != flow.providerCode {
                throw ProviderRefusal.invalidGrant("The authorization code is invalid").asError
            }
            return ProviderTokens.minted(
                scope: flow.permissionScopes, lifetime: state.oauthProvider.accessTokenLifetimeSeconds,
                withRefreshToken: flow.grantType == .authorizationCode)
        }
    }

    /// A token from Zendesk's own `/oauth/tokens` (issue 15), as ZIS keeps it.
    func zendeskTokens(_ request: TokenRequest) throws(ZISError) -> ProviderTokens {
        let issued: IssuedToken
        do throws(ZISError) {
            issued = try exchangeToken(request)
        } catch {
            throw ProviderRefusal(error: error.code, description: error.detail ?? error.title).asError
        }
        let scope = issued.scopes.map(\.rawValue).joined(separator: " ")
        return ProviderTokens(
            accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresIn: issued.expiresIn, scope: scope,
            responseBody: ProviderTokens.responseBody(
                accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresIn: issued.expiresIn, scope: scope))
    }

    /// The built-in `zendesk` client of a registered integration: its client id is the
    /// integration's Zendesk OAuth client.
    static func isZendeskClient(_ client: OAuthClient, of integration: IntegrationState?) -> Bool {
        integration?.registration.map { $0.zendeskOAuthClient.identifier == client.clientID } ?? false
    }

    /// The origin with the provider's `error` and `error_description` [ours: Zendesk does not
    /// document how a failed flow comes back; these are RFC 6749 §4.1.2.1's names].
    private static func refusalRedirect(_ origin: String, _ error: ZISError) -> String {
        QueryString.appending([("error", error.code), ("error_description", error.detail ?? error.title)], to: origin)
    }
}
