import ZISDomain

/// What an endpoint's path names, typed: every ZIS path names its integration.
struct IntegrationTarget: Sendable {
    let integration: String

    init(_ parameters: PathParameters) {
        integration = parameters["integration"]
    }
}

/// `…/connections/{type}` and `…/connections/{type}/{name}`: only the three typed kinds are
/// served there (OAuth connections have paths of their own, spec §5).
struct TypedConnectionTarget: Sendable {
    let integration: String
    let type: ConnectionType
    /// Empty on the collection path.
    let name: String

    init?(_ parameters: PathParameters) {
        guard let type = ConnectionType(rawValue: parameters["type"]), type != .oauth else { return nil }
        self.integration = parameters["integration"]
        self.type = type
        self.name = parameters["name"]
    }
}

/// `…/oauth/clients/{integration}/{uuid}`.
struct OAuthClientTarget: Sendable {
    let integration: String
    let uuid: String

    init(_ parameters: PathParameters) {
        integration = parameters["integration"]
        uuid = parameters["uuid"]
    }
}
