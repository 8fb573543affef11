import ZISDomain

/// The ZIS Configs API (issue 22): an integration's settings by scope, with its ZIS token
/// [doc: "You can authorize requests using a ZIS OAuth access token"]; scope `write` for every
/// call, as for connections (spec §2 [ours]); errors in the Connections envelope [ours].
package enum ConfigsEndpoints {
    package static let configs = "/api/services/zis/integrations/{integration}/configs"
    package static let config = "/api/services/zis/integrations/{integration}/configs/{scope}"

    package static let rows: [Endpoint] = [
        Endpoint(
            "POST", configs, access: .integrationToken(.write), target: IntegrationTarget.init,
            input: .json { fields, _ throws(ZISError) in try ConfigDraft(fields: fields) },
            reply: .json(201, ConfigResponses.config)
        ) { (zis, path, draft) throws(ZISError) in
            (zis.owner(path.integration), try zis.createConfig(draft, integration: path.integration))
        },
        Endpoint(
            "GET", configs, access: .integrationToken(.write), target: IntegrationTarget.init,
            input: .query(ConfigListRequest.parse), reply: .json(200, ConfigResponses.list)
        ) { (zis, path, request) throws(ZISError) in
            (zis.owner(path.integration), try zis.configs(request, integration: path.integration))
        },
        update("PUT", merge: false),
        update("PATCH", merge: true),
        Endpoint(
            "DELETE", config, access: .integrationToken(.write), target: ConfigTarget.init, input: .none, reply: .noContent
        ) { (zis, path, _) throws(ZISError) in
            try zis.deleteConfig(scope: path.scope, integration: path.integration)
        },
    ]

    /// PUT replaces a config's settings, PATCH merges them in; the rows differ in nothing else.
    private static func update(_ method: String, merge: Bool) -> Endpoint {
        Endpoint(
            method, config, access: .integrationToken(.write), target: ConfigTarget.init,
            input: .json { fields, _ throws(ZISError) in try ConfigSettings(fields: fields) },
            reply: .json(200, ConfigResponses.config)
        ) { (zis, path, settings) throws(ZISError) in
            (zis.owner(path.integration), try zis.updateConfig(scope: path.scope, integration: path.integration, with: settings, merge: merge))
        }
    }
}
