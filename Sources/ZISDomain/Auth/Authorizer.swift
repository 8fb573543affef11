/// The authentication and authorization decision of spec §2, in its documented order.
/// Routing has already matched the path (404/405 come first [ours]); this runs on every call.
public struct Authorizer: Sendable {
    public let tokens: TokenRegistry

    public init(tokens: TokenRegistry) {
        self.tokens = tokens
    }

    /// Returns the token's grant, or the refusal of the first rule it breaks.
    public func authorize(_ credentials: Credentials, integration: String, required: Scope) throws(ZISError) -> TokenGrant {
        switch credentials {
        case .none, .otherScheme:
            throw .invalidCredentials
        case .basic:
            throw .apiTokenNotSupported
        case .bearer(let token):
            guard NameRules.isValidTokenLength(token) else { throw .invalidTokenLength }
            guard let grant = tokens.grant(for: token) else { throw .invalidCredentials }
            guard grant.integration == integration else { throw .integrationMismatch }
            guard grant.scopes.contains(required) else { throw .missingScope(required) }
            return grant
        }
    }
}
