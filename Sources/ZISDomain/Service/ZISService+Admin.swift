/// What the control plane (`/__admin/`, and the embedding API that shares its code) needs from
/// the domain beyond the Zendesk surface: export the whole state, and add tokens.
extension ZISService {
    /// The current state as a `Seed`: integrations, their tokens, connections of all four types
    /// (with timestamps) and OAuth clients, in name order, so an export loads back to the same
    /// state (spec §7). Pending OAuth flows are not state a seed can hold and are left out.
    package func exportSeed() -> Seed {
        let (integrations, authorizer, accountID) = state.withLock { ($0.integrations, $0.authorizer, $0.zendeskAccountID) }
        let tokens = authorizer.tokens
        var tokensByIntegration: [String: [SeedToken]] = [:]
        for (token, grant) in tokens.registered {
            let scopes = Scope.allCases.filter { grant.scopes.contains($0) }
            tokensByIntegration[grant.integration, default: []].append(SeedToken(token: token, scopes: scopes, expiresAt: grant.expiresAt))
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
            }, admins: authorizer.admins, zendeskAccountID: accountID)
    }

    /// Registers `token` for an existing integration. 404 for an unknown integration; 409 when
    /// the token is already registered (a token belongs to exactly one integration, spec §2);
    /// 400 when its length is outside the accepted 8…512 characters.
    package func registerToken(_ token: String, integration: String, scopes: Set<Scope>) throws(ZISError) {
        guard NameRules.isValidTokenLength(token) else { throw .badRequest(detail: NameRules.tokenRule) }
        try state.withLock { state throws(ZISError) in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            var tokens = state.authorizer.tokens
            guard tokens.register(token: token, grant: TokenGrant(integration: integration, scopes: scopes)) else {
                throw .conflict(detail: "This token is already registered")
            }
            state.authorizer = Authorizer(tokens: tokens)
        }
    }

    /// Mints a random token (`zis_mock_` and 32 hex digits) for `integration` and returns it.
    package func issueToken(integration: String, scopes: Set<Scope>) throws(ZISError) -> String {
        let token = "zis_mock_" + RandomToken.hex(byteCount: 16)
        try registerToken(token, integration: integration, scopes: scopes)
        return token
    }

    /// The integration names, in byte order.
    package var integrationNames: [String] {
        state.withLock { $0.integrations.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
    }
}

/// A seed turned into service state once, ready to be installed again and again (admin reset).
/// It does not keep the seed: the built state is all a reset needs, and holding the seed's
/// models too would double the memory of a big one.
package struct PreparedState: Sendable {
    let state: ServiceState

    package init(seed: Seed) {
        self.state = ServiceState(seed: seed)
    }
}
