/// What the control plane (`/__admin/`, and the embedding API that shares its code) needs from
/// the domain beyond the Zendesk surface: export the whole state, and add tokens.
extension ZISService {
    /// The current state as a `Seed` (`ServiceState.seed`), built outside the lock from a
    /// copy-on-write copy, so an export never holds up requests.
    package func exportSeed() -> Seed {
        state.withLock { $0 }.seed
    }

    /// Registers `token` for an existing integration. 404 for an unknown integration; 409 when
    /// the token is already registered (a token belongs to exactly one integration, spec §2);
    /// 400 when its length is outside the accepted 8…512 characters.
    package func registerToken(_ token: String, integration: String, scopes: Set<Scope>) throws(ZISError) {
        guard NameRules.isValidTokenLength(token) else { throw .badRequest(detail: NameRules.tokenRule) }
        try commit { state, changes throws(ZISError) in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            let grant = TokenGrant(integration: integration, scopes: scopes)
            guard state.authorizer.tokens.register(token: token, grant: grant) else {
                throw .conflict(detail: "This token is already registered")
            }
            changes.record(.tokenRegistered(token: token, grant))
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
    var state: ServiceState

    package init(seed: Seed) {
        self.state = ServiceState(seed: seed)
    }

    /// The state in the seed format (a state file's snapshot).
    package var seed: Seed { state.seed }
}
