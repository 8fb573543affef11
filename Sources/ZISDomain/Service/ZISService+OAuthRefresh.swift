/// Refreshing an OAuth connection's token as ZIS does it (issue 16): ZIS "supports the refresh
/// token grant type" for authorization-code connections [doc: Creating and managing OAuth
/// connections] and keeps the token fresh itself, so a connection whose `token_expiry` has
/// passed — by the service's time, admin clock included — is refreshed when it is read.
extension ZISService {
    /// `connection` refreshed through its client's provider when its token has expired; as it
    /// was otherwise. Only a connection its integration's client made, with a refresh token and
    /// an expiry, can be refreshed (seeded ones of no client stay as seeded). A provider that
    /// refuses leaves the tokens and `token_expiry` as they were and its error, as the provider
    /// answered it, in `oauth_access_token_response_body` [ours: Zendesk does not document it].
    func refreshedIfExpired(_ connection: Connection, integration: String) -> Connection {
        let now = self.now()
        guard case .oauth(let fields) = connection.payload, !fields.refreshToken.isEmpty,
            let expiry = Timestamp.secondsSinceEpoch(fields.tokenExpiry), expiry <= now,
            let (client, behaviour, isZendesk) = state.withLock({ state -> (OAuthClient, OAuthProviderBehaviour, Bool)? in
                guard let owner = state.integrations[integration],
                    let client = owner.oauthClients.first(where: { $0.uuid == fields.oauthClientUUID })
                else { return nil }
                return (client, state.oauthProvider, Self.isZendeskClient(client, of: owner))
            })
        else { return connection }
        var refreshed = fields
        do throws(ZISError) {
            let tokens = try refreshAtProvider(client, fields: fields, behaviour: behaviour, isZendesk: isZendesk)
            refreshed.accessToken = tokens.accessToken
            refreshed.refreshToken = tokens.refreshToken ?? fields.refreshToken
            refreshed.tokenExpiry = tokens.expiresIn.map { Timestamp.format(secondsSinceEpoch: now + $0) } ?? ""
            refreshed.oauthAccessTokenResponseBody = tokens.responseBody
        } catch {
            refreshed.oauthAccessTokenResponseBody = ProviderTokens.errorBody(error: error.code, description: error.detail ?? error.title)
        }
        var updated = connection
        updated.payload = .oauth(refreshed)
        updated.updatedAt = Timestamp.format(secondsSinceEpoch: now)
        // Only over the version that was read: a write in between wins.
        return commit { state, changes in
            guard state.integrations[integration]?.connections.element(named: connection.name) == connection else { return connection }
            _ = state.integrations[integration]!.replace(updated)
            changes.record(.connectionSaved(integration: integration, updated))
            return updated
        }
    }

    private func refreshAtProvider(
        _ client: OAuthClient, fields: OAuthConnectionFields, behaviour: OAuthProviderBehaviour, isZendesk: Bool
    ) throws(ZISError) -> ProviderTokens {
        if isZendesk {
            return try zendeskTokens(
                TokenRequest(
                    parameters: [
                        "grant_type": "refresh_token", "refresh_token": fields.refreshToken, "client_id": client.clientID,
                        "client_secret": client.clientSecret,
                    ], basic: nil))
        }
        guard behaviour.refresh == .succeed else {
            throw ProviderRefusal.invalidGrant("The refresh token is invalid or has been revoked").asError
        }
        // Providers such as Slack and Salesforce keep the refresh token; so does the simulated one [ours].
        return ProviderTokens.minted(
            scope: fields.permissionScope, lifetime: behaviour.accessTokenLifetimeSeconds, withRefreshToken: true,
            keeping: fields.refreshToken)
    }
}
