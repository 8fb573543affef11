/// A change as log-record bytes: a one-line header naming the change (and the key a removal
/// needs), then the values it carries as a small seed document. The seed format is the one
/// description of every value, so the record reader is the seed loader with its exact error
/// positions, and a field another change adds to the seed format is logged with no edit here.
///
///     {"change":"connection.saved"}
///     {"integrations":[{"name":"acme","tokens":[],"connections":{"api_key":[{…}],…},"oauth_clients":[]}]}
extension StateChange {
    /// The record's payload. Secrets are written in clear: the log, like the snapshot, is the
    /// user's own state file, and a masked one could not be loaded back.
    package var recordBytes: [UInt8] {
        let (kind, key, seed) = parts
        var writer = JSONWriter(reservingCapacity: 512)
        writer.raw("{\"change\":")
        writer.string(kind.rawValue)
        if let key {
            writer.raw(",\"key\":")
            writer.string(key)
        }
        writer.raw("}\n")
        return writer.bytes + SeedWriter.json(seed, revealSecrets: true)
    }

    /// Reads what `recordBytes` wrote; `file` names the record in error messages
    /// (`state.json.log record 12`).
    package init(recordBytes bytes: [UInt8], file: String) throws(SeedError) {
        guard let newline = bytes.firstIndex(of: 0x0A) else { throw SeedError(file: file, rule: "record has no header line") }
        let header: JSONValue
        do { header = try JSONParser.parse(Array(bytes[..<newline])) } catch {
            throw SeedError(file: file, line: 1, column: error.position.column, rule: "record header: \(error.message)")
        }
        guard case .object(let members) = header.kind,
            case .string(let name)? = members.first(where: { $0.key == "change" })?.value.kind,
            let kind = Kind(rawValue: name)
        else { throw SeedError(file: file, line: 1, rule: "record header names no known change") }
        var key: String?
        if case .string(let text)? = members.first(where: { $0.key == "key" })?.value.kind { key = text }
        let seed = try SeedLoader.parse(Array(bytes[(newline + 1)...]), file: file)
        guard let change = Self.change(kind, key: key, seed: seed) else {
            throw SeedError(file: file, rule: "record does not hold what a \(kind.rawValue) change needs")
        }
        self = change
    }

    /// The names records use; each a `case` of `StateChange`.
    enum Kind: String {
        case connectionSaved = "connection.saved", connectionRemoved = "connection.removed"
        case oauthClientsSet = "oauth_clients.set", integrationAdded = "integration.added", setUpSaved = "set_up.saved"
        case tokenRegistered = "token.registered", tokenRevoked = "token.revoked", stateReplaced = "state.replaced"
    }

    private var parts: (Kind, key: String?, Seed) {
        switch self {
        case .connectionSaved(let integration, let connection):
            (.connectionSaved, nil, Seed(integrations: [SeedIntegration(name: integration, connections: [connection])]))
        case .connectionRemoved(let integration, let name):
            (.connectionRemoved, name, Seed(integrations: [SeedIntegration(name: integration)]))
        case .oauthClientsSet(let integration, let clients):
            (.oauthClientsSet, nil, Seed(integrations: [SeedIntegration(name: integration, oauthClients: clients)]))
        case .integrationAdded(let integration):
            (.integrationAdded, nil, Seed(integrations: [integration]))
        case .setUpSaved(let integration):
            (.setUpSaved, nil, Seed(integrations: [integration]))
        case .tokenRegistered(let token, let grant):
            (.tokenRegistered, nil, Seed(integrations: [SeedIntegration(name: grant.integration, tokens: [SeedToken(token, grant)])]))
        case .tokenRevoked(let token):
            (.tokenRevoked, token, Seed())
        case .stateReplaced(let copy):
            (.stateReplaced, nil, copy.seed)
        }
    }

    private static func change(_ kind: Kind, key: String?, seed: Seed) -> StateChange? {
        if kind == .stateReplaced { return .stateReplaced(StateCopy(state: ServiceState(seed: seed))) }
        if kind == .tokenRevoked { return key.map { .tokenRevoked(token: $0) } }
        guard seed.integrations.count == 1, let integration = seed.integrations.first else { return nil }
        switch kind {
        case .connectionSaved:
            guard integration.connections.count == 1 else { return nil }
            return .connectionSaved(integration: integration.name, integration.connections[0])
        case .connectionRemoved:
            return key.map { .connectionRemoved(integration: integration.name, name: $0) }
        case .oauthClientsSet:
            return .oauthClientsSet(integration: integration.name, integration.oauthClients)
        case .integrationAdded:
            return .integrationAdded(integration)
        case .setUpSaved:
            return .setUpSaved(integration)
        case .tokenRegistered:
            guard integration.tokens.count == 1, let token = integration.tokens.first else { return nil }
            return .tokenRegistered(token: token.token, token.grant(integration: integration.name))
        case .tokenRevoked, .stateReplaced:
            return nil
        }
    }
}
