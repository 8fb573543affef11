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
                name: integration.name, connections: integration.connectionSegments, nameOrder: integration.nameOrder,
                oauthClients: integration.oauthClients, registration: integration.registration)
            for seedToken in integration.tokens {
                tokens.register(token: seedToken.token, grant: seedToken.grant(integration: integration.name))
            }
            zendeskOAuth.countClientIDs(past: integration.registration)
        }
        self.integrations = integrations
        self.authorizer = Authorizer(tokens: tokens, admins: seed.admins)
        self.zendeskAccountID = seed.zendeskAccountID
        for integration in seed.integrations { installSetUp(of: integration) }
    }

    /// Puts the seed integration's configs, bundles, installed job specs and inbound webhooks in
    /// place of its namesake's (issue 22), and keeps config ids counting past theirs.
    mutating func installSetUp(of integration: SeedIntegration) {
        integrations[integration.name]?.install(integration)
        nextConfigID = max(nextConfigID, (integration.configs.map(\.id).max() ?? 0) + 1)
    }

    /// `name`'s set-up parts as the seed format holds them: what a `.setUpSaved` change logs.
    func setUp(of name: String) -> SeedIntegration {
        var seed = SeedIntegration(name: name)
        integrations[name]?.export(into: &seed)
        return seed
    }

    /// The state as a `Seed`: integrations, their tokens, connections of all four types (with
    /// timestamps) and OAuth clients, in name order, so an export loads back to the same state
    /// (spec §7). Pending OAuth flows, authorization codes and refresh tokens are not state a
    /// seed holds and are left out.
    var seed: Seed {
        var tokensByIntegration: [String: [SeedToken]] = [:]
        for (token, grant) in authorizer.tokens.registered {
            tokensByIntegration[grant.integration, default: []].append(SeedToken(token, grant))
        }
        let names = integrations.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return Seed(
            integrations: names.map { name in
                let integration = integrations[name]!
                var seed = SeedIntegration(
                    name: name, tokens: tokensByIntegration[name] ?? [], connections: Array(integration.connections),
                    oauthClients: integration.oauthClients, registration: integration.registration)
                integration.export(into: &seed)
                return seed
            }, admins: authorizer.admins, zendeskAccountID: zendeskAccountID)
    }
}
