/// The ZIS Configs API (issue 22): an integration's settings by scope. Callers hold the
/// integration's ZIS token [doc: "You can authorize requests using a ZIS OAuth access token"].
extension ZISService {
    /// `POST …/configs`: a scope already used is 409 [ours].
    package func createConfig(_ draft: ConfigDraft, integration: String) throws(ZISError) -> IntegrationConfig {
        let now = now()
        return try commit { state, changes throws(ZISError) -> IntegrationConfig in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            guard state.integrations[integration]!.configs[draft.scope] == nil else {
                throw .conflict(detail: "A config with scope \(draft.scope) already exists")
            }
            let config = IntegrationConfig(id: state.nextConfigID, scope: draft.scope, config: draft.config, createdAt: now, updatedAt: now)
            state.nextConfigID += 1
            state.integrations[integration]!.configs[draft.scope] = config
            changes.record(.setUpSaved(state.setUp(of: integration)))
            return config
        }
    }

    /// `GET …/configs?filter[scope]=…`: the configs whose scope fits the pattern, by scope.
    package func configs(_ request: ConfigListRequest, integration: String) throws(ZISError) -> CursorPage<IntegrationConfig> {
        let configs = try state.withLock { state throws(ZISError) in
            guard let integrationState = state.integrations[integration] else { throw Self.unknownIntegration(integration) }
            return integrationState.configs
        }
        let matching = configs.values.filter { IntegrationConfig.scope($0.scope, matches: request.scopePattern) }
            .sorted { $0.scope.utf8.lexicographicallyPrecedes($1.scope.utf8) }
        return NameIndex(sortedUniqueElements: matching).page(for: request.page)
    }

    /// `PUT …/configs/{scope}` (`merge: false`) replaces the settings; `PATCH` merges them in.
    package func updateConfig(scope: String, integration: String, with settings: ConfigSettings, merge: Bool) throws(ZISError) -> IntegrationConfig {
        let now = now()
        return try commit { state, changes throws(ZISError) -> IntegrationConfig in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            guard var config = state.integrations[integration]!.configs[scope] else { throw Self.unknownConfig(scope) }
            config.config = merge ? config.config.merging(settings.config) : settings.config
            config.updatedAt = now
            state.integrations[integration]!.configs[scope] = config
            changes.record(.setUpSaved(state.setUp(of: integration)))
            return config
        }
    }

    /// `DELETE …/configs/{scope}`.
    package func deleteConfig(scope: String, integration: String) throws(ZISError) {
        try commit { state, changes throws(ZISError) in
            guard state.integrations[integration] != nil else { throw Self.unknownIntegration(integration) }
            guard state.integrations[integration]!.configs.removeValue(forKey: scope) != nil else { throw Self.unknownConfig(scope) }
            changes.record(.setUpSaved(state.setUp(of: integration)))
        }
    }

    static func unknownConfig(_ scope: String) -> ZISError {
        .notFound(detail: "Config with scope \(scope) does not exist")
    }
}
