/// The parts of an integration a set-up script writes after its connections (issue 22), in the
/// seed format: `configs`, `bundles`, `installed_job_specs`, `inbound_webhooks`. Each is
/// checked by the same rules as the API (a bundle by `ZISBundle`'s validation, whatever its
/// resource types: the server's `--bundle-resource-type`s are not known here), and an
/// installed job spec must be defined by one of the seeded bundles.
extension SeedDecoder {
    static let setUpKeys = ["configs", "bundles", "installed_job_specs", "inbound_webhooks"]

    mutating func decodeSetUp(_ fields: Fields, into integration: inout SeedIntegration) throws(SeedError) {
        let path = fields.path
        if let configs = fields.value(for: "configs") {
            var scopes: Set<String> = []
            for (index, element) in try array(configs, path: "\(path).configs").enumerated() {
                let config = try decodeConfig(element, path: "\(path).configs[\(index)]")
                guard scopes.insert(config.scope).inserted else {
                    throw failure("scope \"\(config.scope)\" is listed twice", at: element.position, path: "\(path).configs[\(index)].scope")
                }
                integration.configs.append(config)
            }
        }
        if let bundles = fields.value(for: "bundles") {
            for (index, element) in try array(bundles, path: "\(path).bundles").enumerated() {
                integration.bundles.append(try decodeBundle(element, integration: integration.name, path: "\(path).bundles[\(index)]"))
            }
        }
        if let installed = fields.value(for: "installed_job_specs") {
            let defined = Set(integration.bundles.flatMap(\.jobSpecNames))
            for (index, element) in try array(installed, path: "\(path).installed_job_specs").enumerated() {
                let elementPath = "\(path).installed_job_specs[\(index)]"
                let name = try string(element, path: elementPath)
                guard defined.contains(name) else {
                    throw failure("job spec \"\(name)\" is not defined by any of the integration's bundles", at: element.position, path: elementPath)
                }
                integration.installedJobSpecs.append(name)
            }
        }
        if let webhooks = fields.value(for: "inbound_webhooks") {
            for (index, element) in try array(webhooks, path: "\(path).inbound_webhooks").enumerated() {
                integration.inboundWebhooks.append(try decodeInboundWebhook(element, path: "\(path).inbound_webhooks[\(index)]"))
            }
        }
    }

    /// `{"id": N, "scope": …, "config": {…}, "created_at"?, "updated_at"?}`; timestamps default to the load time.
    private func decodeConfig(_ value: JSONValue, path: String) throws(SeedError) -> IntegrationConfig {
        let fields = try object(value, path: path, allowed: ["id", "scope", "config", "created_at", "updated_at"])
        guard let idValue = fields.value(for: "id") else { throw missing("id", in: fields) }
        guard case .number(let lexeme) = idValue.kind, let id = Int(lexeme), id > 0 else {
            throw failure("id must be a positive integer", at: idValue.position, path: "\(path).id")
        }
        let scope = try requiredString("scope", in: fields)
        guard !scope.text.isEmpty else { throw failure("scope must not be empty", at: scope.position, path: scope.path) }
        guard let config = fields.value(for: "config") else { throw missing("config", in: fields) }
        guard config.members != nil else {
            throw failure("expected an object, found \(config.typeDescription)", at: config.position, path: "\(path).config")
        }
        var seconds: [Int] = []
        for key in ["created_at", "updated_at"] {
            let text = try optionalString(key, in: fields)
            guard let parsed = Timestamp.secondsSinceEpoch(text?.text ?? loadTime) else {
                throw failure("\(key) \(Timestamp.rule)", at: text?.position ?? fields.position, path: "\(path).\(key)")
            }
            seconds.append(parsed)
        }
        return IntegrationConfig(id: id, scope: scope.text, config: config, createdAt: seconds[0], updatedAt: seconds[1])
    }

    /// `{"uuid": …, "bundle": {…}}`: the bundle as it would be uploaded.
    private func decodeBundle(_ value: JSONValue, integration: String, path: String) throws(SeedError) -> ZISBundle {
        let fields = try object(value, path: path, allowed: ["uuid", "bundle"])
        let uuid = try requiredString("uuid", in: fields)
        guard let document = fields.value(for: "bundle") else { throw missing("bundle", in: fields) }
        do {
            return try ZISBundle(validating: document, integration: integration, uuid: uuid.text, resourceTypes: nil)
        } catch {
            throw failure(error.detail ?? error.title, at: document.position, path: "\(path).bundle")
        }
    }

    /// `{"id", "token", "source_system", "event_type", "username", "password"}`, all required.
    private func decodeInboundWebhook(_ value: JSONValue, path: String) throws(SeedError) -> InboundWebhook {
        let keys = ["id", "token", "source_system", "event_type", "username", "password"]
        let fields = try object(value, path: path, allowed: keys)
        var text: [String] = []
        for key in keys { text.append(try requiredString(key, in: fields).text) }
        return InboundWebhook(id: text[0], token: text[1], sourceSystem: text[2], eventType: text[3], username: text[4], password: text[5])
    }
}
