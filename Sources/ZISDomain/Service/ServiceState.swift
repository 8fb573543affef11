/// The whole mutable state behind `ZISService`'s lock: integrations and who may access them.
struct ServiceState: Sendable {
    var integrations: [String: IntegrationState]
    var authorizer: Authorizer
    /// OAuth flows started but not yet completed, by their `state` (spec §5, issue 16).
    var pendingOAuthFlows: [String: PendingOAuthFlow] = [:]
    /// Zendesk OAuth authorization codes not yet exchanged, and refresh tokens (issue 15).
    var zendeskOAuth = ZendeskOAuthState()
    /// How the simulated OAuth provider answers (issue 16); a reset restores the defaults.
    var oauthProvider = OAuthProviderBehaviour()
    /// The seed's `zendesk_account_id`, if it gave one.
    var zendeskAccountID: Int?
    /// The `id` the next config gets: one more than any config has.
    var nextConfigID = 1

    init(seed: Seed) {
        var integrations: [String: IntegrationState] = [:]
        var tokens = TokenRegistry()
        for integration in seed.integrations where integrations[integration.name] == nil {
            integrations[integration.name] = IntegrationState(
                name: integration.name, connections: integration.connections, nameOrder: integration.nameOrder,
                oauthClients: integration.oauthClients, registration: integration.registration)
            integrations[integration.name]!.install(integration)
            nextConfigID = max(nextConfigID, (integration.configs.map(\.id).max() ?? 0) + 1)
            for seedToken in integration.tokens {
                tokens.register(
                    token: seedToken.token,
                    grant: TokenGrant(integration: integration.name, scopes: Set(seedToken.scopes), expiresAt: seedToken.expiresAt))
            }
        }
        self.integrations = integrations
        self.authorizer = Authorizer(tokens: tokens, admins: seed.admins)
        self.zendeskAccountID = seed.zendeskAccountID
    }
}
