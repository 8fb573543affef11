import Testing
@testable import ZISDomain
import ZISMockFixtures

/// Spec §2, row by row, on typed credentials (reading them from the header, and the order
/// against validation, are the routing tests' part).
@Suite struct AuthorizerTests {
    let service = Fixture.service(connectionCount: 3)

    private func failure(_ credentials: Credentials, integration: String = Fixture.integration) -> ZISError? {
        do throws(ZISError) {
            _ = try service.authorize(credentials, integration: integration)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [Credentials.none, .otherScheme])
    func missingOrOtherSchemeIsInvalidCredentials(credentials: Credentials) {
        #expect(failure(credentials) == .invalidCredentials)
    }

    @Test func basicCredentialsAreForbiddenWhateverTheIntegration() {
        #expect(failure(.basic, integration: "no_such_integration") == .apiTokenNotSupported)
    }

    @Test(arguments: ["", "short", String(repeating: "x", count: 513)])
    func impossibleTokenLengthIsRejected(token: String) {
        #expect(failure(.bearer(token: token)) == .invalidTokenLength)
    }

    @Test(arguments: ["unknown-token-value", String(repeating: "y", count: 512), "12345678"])
    func unknownTokenIsAuthenticationFailed(token: String) {
        #expect(failure(.bearer(token: token)) == .invalidCredentials)
    }

    @Test(arguments: [Fixture.otherIntegration, "no_such_integration"])
    func tokenOfAnotherIntegrationOrMissingIntegrationIsMismatch(integration: String) {
        #expect(failure(.bearer(token: Fixture.token), integration: integration) == .integrationMismatch)
    }

    @Test func missingWriteScopeIsForbidden() {
        #expect(failure(.bearer(token: Fixture.readOnlyToken)) == .missingScope(.write))
        #expect(ZISError.missingScope(.write).title == "Cannot access this resource. Missing scope write")
    }

    @Test func validBearerTokenIsAccepted() {
        #expect(failure(.bearer(token: Fixture.token)) == nil)
    }

    @Test func zisScopeNamesAreSynonyms() throws {
        var tokens = TokenRegistry()
        tokens.register(token: "zis-scoped-token", grant: TokenGrant(integration: "i", scopes: [Scope(name: "zis:write")!]))
        let grant = try Authorizer(tokens: tokens).authorize(.bearer(token: "zis-scoped-token"), integration: "i", required: .write)
        #expect(grant.scopes == [.write])
        #expect(Scope(name: "zis:read") == .read)
        #expect(Scope(name: "admin") == nil)
    }

    @Test func aTokenBelongsToOneIntegration() {
        var tokens = TokenRegistry()
        let first = tokens.register(token: "shared-token", grant: TokenGrant(integration: "a", scopes: [.write]))
        let second = tokens.register(token: "shared-token", grant: TokenGrant(integration: "b", scopes: [.write]))
        #expect(first && !second)
        #expect(tokens.grant(for: "shared-token")?.integration == "a")
    }
}
