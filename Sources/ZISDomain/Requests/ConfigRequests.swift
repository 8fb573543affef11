/// The bodies of the ZIS Configs API: a create names its scope and settings, an update or a
/// merge-update only the settings [doc: "Requests to the endpoint require … A scope string that
/// uniquely identifies the config, A config JSON object"].
package struct ConfigDraft: Sendable {
    package let scope: String
    package let config: JSONValue

    /// `{"scope": "…", "config": {…}}`.
    package init(fields: RequestFields) throws(ZISError) {
        try fields.rejectUnknown(allowed: ["scope", "config"])
        scope = try fields.requiredString("scope")
        config = try ConfigSettings(fields: fields, requireOnly: false).config
    }
}

/// `{"config": {…}}`, the body of an update (PUT) or a merge-update (PATCH).
package struct ConfigSettings: Sendable {
    package let config: JSONValue

    package init(fields: RequestFields) throws(ZISError) {
        try self.init(fields: fields, requireOnly: true)
    }

    fileprivate init(fields: RequestFields, requireOnly: Bool) throws(ZISError) {
        if requireOnly { try fields.rejectUnknown(allowed: ["config"]) }
        guard let value = fields.members.first(where: { $0.key == "config" })?.value else {
            throw .badRequest(detail: "config is required")
        }
        guard value.members != nil else { throw .badRequest(detail: "config must be an object, found \(value.typeDescription)") }
        config = value.kept
    }
}

/// `GET …/configs?filter[scope]=…`: the scope pattern, which is required [doc], and the page.
package struct ConfigListRequest: Sendable {
    package static let scopeParameter = "filter[scope]"
    package let scopePattern: String
    package let page: PageRequest

    package static func parse(query: [(name: String, value: String)]) throws(ZISError) -> ConfigListRequest {
        guard let pattern = query.last(where: { $0.name == scopeParameter })?.value, !pattern.isEmpty else {
            throw .badRequest(detail: "\(scopeParameter) is required")
        }
        // The cursors are scopes, which may hold any character (`my_app:{{account}}/name` [doc:
        // built-in actions]), so only the size is read by the Connections API's rules.
        let cursors = [PageRequest.afterParameter, PageRequest.beforeParameter]
        let size = try PageRequest.parse(query: query.filter { !cursors.contains($0.name) }).size
        func cursor(_ name: String) -> String? { query.last { $0.name == name }?.value }
        return ConfigListRequest(
            scopePattern: pattern,
            page: PageRequest(size: size, after: cursor(PageRequest.afterParameter), before: cursor(PageRequest.beforeParameter)))
    }
}
