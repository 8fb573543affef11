import ZISDomain

/// All Connections and the typed connections: api_key, basic_auth, bearer_token (spec §3, §4).
/// Every one needs the integration's token with scope `write` (spec §2 [ours]).
package enum ConnectionsEndpoints {
    package static let allConnections = "/api/services/zis/integrations/{integration}/connections/all"
    package static let typedCollection = "/api/services/zis/integrations/{integration}/connections/{type}"
    package static let typedConnection = "/api/services/zis/integrations/{integration}/connections/{type}/{name}"

    package static let rows: [Endpoint] = [
        // The hot path: the page's rendering is cached by the service until the next write.
        Endpoint(
            "GET", allConnections, access: .integrationToken(.write), target: IntegrationTarget.init,
            input: .query(PageRequest.parse), reply: .json(200) { $0 }
        ) { (zis, path, page) throws(ZISError) in
            try zis.listAllConnections(integration: path.integration, page: page, render: ConnectionListRenderer.render)
        },
        Endpoint(
            "POST", typedCollection, access: .integrationToken(.write), target: TypedConnectionTarget.init,
            input: .json(wrapper: \.type.rawValue) { (fields, path) throws(ZISError) in try ConnectionDraft(type: path.type, fields: fields) },
            reply: .json(201, ConnectionResponses.envelope)
        ) { (zis, path, draft) throws(ZISError) in
            try zis.createConnection(draft, integration: path.integration)
        },
        Endpoint(
            "GET", typedConnection, access: .integrationToken(.write), target: TypedConnectionTarget.init,
            input: .none, reply: .json(200, ConnectionResponses.envelope)
        ) { (zis, path, _) throws(ZISError) in
            try zis.connection(type: path.type, name: path.name, integration: path.integration)
        },
        Endpoint(
            "PATCH", typedConnection, access: .integrationToken(.write), target: TypedConnectionTarget.init,
            input: .json(wrapper: \.type.rawValue) { fields, _ in ConnectionPatch(fields: fields) },
            reply: .json(200, ConnectionResponses.envelope)
        ) { (zis, path, patch) throws(ZISError) in
            try zis.updateConnection(type: path.type, name: path.name, integration: path.integration, with: patch)
        },
        Endpoint(
            "DELETE", typedConnection, access: .integrationToken(.write), target: TypedConnectionTarget.init,
            input: .none, reply: .noContent
        ) { (zis, path, _) throws(ZISError) in
            try zis.deleteConnection(type: path.type, name: path.name, integration: path.integration)
        },
    ]
}
