/// Replaying a logged change (issue 17): the same effect the operation that recorded it had, so
/// snapshot + log rebuild the state the API acknowledged. The changes carry whole values, so
/// replay checks nothing the operation already checked.
extension ServiceState {
    mutating func replay(_ change: StateChange) {
        switch change {
        case .connectionSaved(let integration, let connection):
            if integrations[integration]?.replace(connection) == nil { _ = integrations[integration]?.insert(connection) }
        case .connectionRemoved(let integration, let name):
            _ = integrations[integration]?.remove(named: name)
        case .oauthClientsSet(let integration, let clients):
            integrations[integration]?.oauthClients = clients
        case .integrationAdded(let integration):
            integrations[integration.name] = IntegrationState(
                name: integration.name, connections: integration.connectionSegments, oauthClients: integration.oauthClients,
                registration: integration.registration)
            zendeskOAuth.countClientIDs(past: integration.registration)
        case .setUpSaved(let integration):
            installSetUp(of: integration)
        case .tokenRegistered(let token, let grant):
            authorizer.tokens.register(token: token, grant: grant)
        case .tokenRevoked(let token):
            authorizer.tokens.revoke(token)
        case .stateReplaced(let copy):
            self = copy.state
        }
    }
}

extension PreparedState {
    /// A state loaded from a snapshot, brought up to date by its log.
    package mutating func replay(_ change: StateChange) {
        state.replay(change)
    }
}
