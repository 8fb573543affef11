/// Turns one parsed seed document into a `Seed`, enforcing every load-time rule of spec §7
/// (which includes the §4 rules for connections). Names that must be unique across files
/// (integrations, tokens) are tracked in `claimed`, which the loader carries from file to file.
struct SeedDecoder {
    /// Where a unique name was first seen, for "already defined at …" messages.
    struct ClaimedNames {
        var integrations: [String: String] = [:]
        var tokens: [String: String] = [:]
    }

    let file: String
    /// The timestamp given to connections whose seed leaves `created_at`/`updated_at` out.
    let loadTime: String
    var claimed: ClaimedNames

    mutating func decodeDocument(_ document: JSONValue) throws(SeedError) -> Seed {
        let root = try object(document, path: "", allowed: ["integrations"])
        guard let integrations = root.value(for: "integrations") else {
            throw missing("integrations", in: root)
        }
        var seed = Seed()
        for (index, element) in try array(integrations, path: "integrations").enumerated() {
            seed.integrations.append(try decodeIntegration(element, path: "integrations[\(index)]"))
        }
        return seed
    }

    private mutating func decodeIntegration(_ value: JSONValue, path: String) throws(SeedError) -> SeedIntegration {
        let fields = try object(value, path: path, allowed: ["name", "tokens", "connections", "oauth_clients"])
        let name = try requiredString("name", in: fields)
        guard NameRules.isValidIntegrationName(name.text) else {
            throw failure(NameRules.integrationNameRule, at: name.position, path: name.path)
        }
        try claim(name.text, in: \.integrations, at: name, rule: "integration \"\(name.text)\" is already defined")
        var integration = SeedIntegration(name: name.text)

        if let tokens = fields.value(for: "tokens") {
            for (index, element) in try array(tokens, path: "\(path).tokens").enumerated() {
                integration.tokens.append(try decodeToken(element, path: "\(path).tokens[\(index)]"))
            }
        }
        if let connections = fields.value(for: "connections") {
            integration.connections = try decodeConnections(connections, path: "\(path).connections")
        }
        if let clients = fields.value(for: "oauth_clients") {
            for (index, element) in try array(clients, path: "\(path).oauth_clients").enumerated() {
                integration.oauthClients.append(try decodeOAuthClient(element, path: "\(path).oauth_clients[\(index)]"))
            }
        }
        return integration
    }

    private mutating func decodeToken(_ value: JSONValue, path: String) throws(SeedError) -> SeedToken {
        let fields = try object(value, path: path, allowed: ["token", "scopes"])
        let token = try requiredString("token", in: fields)
        guard NameRules.isValidTokenLength(token.text) else {
            throw failure(NameRules.tokenRule, at: token.position, path: token.path)
        }
        // The token itself is a secret: the message names where it was listed, not its value.
        try claim(token.text, in: \.tokens, at: token, rule: "token is listed twice")
        guard let scopesValue = fields.value(for: "scopes") else { throw missing("scopes", in: fields) }
        var scopes: [Scope] = []
        for (index, element) in try array(scopesValue, path: "\(path).scopes").enumerated() {
            let scopeName = try string(element, path: "\(path).scopes[\(index)]")
            guard let scope = Scope(name: scopeName) else {
                throw failure(Scope.nameRule, at: element.position, path: "\(path).scopes[\(index)]")
            }
            scopes.append(scope)
        }
        return SeedToken(token: token.text, scopes: scopes)
    }

    private func decodeConnections(_ value: JSONValue, path: String) throws(SeedError) -> [Connection] {
        let byType = try object(value, path: path, allowed: ConnectionType.allCases.map(\.rawValue))
        var connections: [Connection] = []
        // Names are unique across all four types of one integration (spec §3 [doc]). Where a name
        // was first seen is kept as (type, index) and spelled out only for the error: a seed of a
        // million connections should not build a million path strings it never shows.
        var firstSeen: [String: (type: String, index: Int)] = [:]
        for member in byType.members {
            let type = ConnectionType(rawValue: member.key)!
            let arrayPath = "\(path).\(member.key)"
            let elements = try array(member.value, path: arrayPath)
            connections.reserveCapacity(connections.count + elements.count)
            firstSeen.reserveCapacity(firstSeen.count + elements.count)
            for (index, element) in elements.enumerated() {
                let (connection, name) = try decodeConnection(element, type: type, path: "\(arrayPath)[\(index)]")
                if let earlier = firstSeen.updateValue((member.key, index), forKey: name.text) {
                    throw failure(
                        "name \"\(name.text)\" is already used by \(path).\(earlier.type)[\(earlier.index)] (names are unique across connection types)",
                        at: name.position, path: name.path)
                }
                connections.append(connection)
            }
        }
        return connections
    }

    /// Returns the name's location too, for the cross-type duplicate check of the caller.
    private func decodeConnection(
        _ value: JSONValue, type: ConnectionType, path: String
    ) throws(SeedError) -> (Connection, name: LocatedString) {
        let schema = ConnectionSeedSchema.of(type)
        let fields = try object(value, path: path, allowed: schema.required + schema.optional)
        var text: [String: String] = [:]
        for key in schema.required {
            text[key] = try requiredString(key, in: fields).text
        }
        for key in schema.optional {
            if let field = try optionalString(key, in: fields) { text[key] = field.text }
        }

        let name = try requiredString("name", in: fields)
        guard NameRules.isValidConnectionName(name.text) else {
            throw failure(NameRules.connectionNameRule, at: name.position, path: name.path)
        }
        if let domain = try optionalString("allowed_domain", in: fields), !HostName.isValid(domain.text) {
            throw failure(HostName.rule, at: domain.position, path: domain.path)
        }
        for key in ["created_at", "updated_at"] {
            if let timestamp = try optionalString(key, in: fields), !Timestamp.isValid(timestamp.text) {
                throw failure("\(key) \(Timestamp.rule)", at: timestamp.position, path: timestamp.path)
            }
        }
        let connection = Connection(
            name: name.text,
            createdAt: text["created_at"] ?? loadTime,
            updatedAt: text["updated_at"] ?? loadTime,
            payload: schema.payload(text))
        return (connection, name)
    }

    private func decodeOAuthClient(_ value: JSONValue, path: String) throws(SeedError) -> OAuthClient {
        let optional = ["client_id", "client_secret", "auth_url", "token_url", "default_scopes", "grant_type", "uuid"]
        let fields = try object(value, path: path, allowed: ["name"] + optional)
        let name = try requiredString("name", in: fields)
        var text: [String: String] = [:]
        for key in optional {
            if let field = try optionalString(key, in: fields) { text[key] = field.text }
        }
        var grantType = OAuthClient.GrantType.authorizationCode
        if let grant = try optionalString("grant_type", in: fields) {
            guard let parsed = OAuthClient.GrantType(rawValue: grant.text) else {
                throw failure("grant_type must be authorization_code or client_credentials", at: grant.position, path: grant.path)
            }
            grantType = parsed
        }
        return OAuthClient(
            name: name.text, clientID: text["client_id"] ?? "", clientSecret: text["client_secret"] ?? "",
            authURL: text["auth_url"] ?? "", tokenURL: text["token_url"] ?? "",
            defaultScopes: text["default_scopes"] ?? "", grantType: grantType, uuid: text["uuid"] ?? "")
    }

    // MARK: Typed access with positioned errors

    /// An object's members together with where it is, so field errors can name their path.
    struct Fields {
        let members: [JSONMember]
        let path: String
        let position: SourcePosition

        func value(for key: String) -> JSONValue? {
            members.first { $0.key == key }?.value
        }

        func path(of key: String) -> String {
            path.isEmpty ? key : "\(path).\(key)"
        }
    }

    /// A string field's text with its location. The path is spelled out only when asked for (an
    /// error, a claim): building it for every field was a tenth of the load time of a big seed.
    struct LocatedString {
        let text: String
        let position: SourcePosition
        let objectPath: String
        let key: String

        var path: String { objectPath.isEmpty ? key : "\(objectPath).\(key)" }
    }

    /// An unknown key is an error so that a typo (`allowed_domian`) cannot silently load as a
    /// connection missing that field.
    private func object(_ value: JSONValue, path: String, allowed: [String]) throws(SeedError) -> Fields {
        guard case .object(let members) = value.kind else {
            throw failure("expected an object, found \(value.typeDescription)", at: value.position, path: path)
        }
        let fields = Fields(members: members, path: path, position: value.position)
        for member in members where !allowed.contains(member.key) {
            throw failure(
                "unknown field \"\(member.key)\" (expected one of: \(allowed.joined(separator: ", ")))",
                at: member.keyPosition, path: fields.path(of: member.key))
        }
        return fields
    }

    private func array(_ value: JSONValue, path: String) throws(SeedError) -> [JSONValue] {
        guard case .array(let elements) = value.kind else {
            throw failure("expected an array, found \(value.typeDescription)", at: value.position, path: path)
        }
        return elements
    }

    private func string(_ value: JSONValue, path: String) throws(SeedError) -> String {
        guard case .string(let text) = value.kind else {
            throw failure("expected a string, found \(value.typeDescription)", at: value.position, path: path)
        }
        return text
    }

    private func optionalString(_ key: String, in fields: Fields) throws(SeedError) -> LocatedString? {
        guard let value = fields.value(for: key) else { return nil }
        guard case .string(let text) = value.kind else { _ = try string(value, path: fields.path(of: key)); return nil }
        return LocatedString(text: text, position: value.position, objectPath: fields.path, key: key)
    }

    private func requiredString(_ key: String, in fields: Fields) throws(SeedError) -> LocatedString {
        guard let field = try optionalString(key, in: fields) else { throw missing(key, in: fields) }
        return field
    }

    private func missing(_ key: String, in fields: Fields) -> SeedError {
        failure("required field \"\(key)\" is missing", at: fields.position, path: fields.path(of: key))
    }

    private mutating func claim(
        _ name: String, in names: WritableKeyPath<ClaimedNames, [String: String]>, at location: LocatedString, rule: String
    ) throws(SeedError) {
        if let earlier = claimed[keyPath: names][name] {
            throw failure("\(rule) (first at \(earlier))", at: location.position, path: location.path)
        }
        claimed[keyPath: names][name] = "\(file):\(location.position.line):\(location.position.column) \(location.path)"
    }

    private func failure(_ rule: String, at position: SourcePosition, path: String) -> SeedError {
        SeedError(file: file, position: position, path: path, rule: rule)
    }
}
