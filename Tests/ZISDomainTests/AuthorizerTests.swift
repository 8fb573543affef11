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
        #expect(failure(.basic(user: "a@example.com/token", password: "x"), integration: "no_such_integration") == .apiTokenNotSupported)
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
        let grant = try Authorizer(tokens: tokens).authorize(.bearer(token: "zis-scoped-token"), integration: "i", required: .write, now: 0, changesState: false)
        #expect(grant.scopes == [.write])
        #expect(Scope(name: "zis:read") == .read)
        #expect(Scope(name: "admin") == nil)
    }

    @Test func expiredTokensAreRefusedLikeUnknownOnes() throws {
        var tokens = TokenRegistry()
        tokens.register(token: "expiring-token", grant: TokenGrant(integration: "i", scopes: [.write], expiresAt: 100))
        let authorizer = Authorizer(tokens: tokens)
        _ = try authorizer.authorize(.bearer(token: "expiring-token"), integration: "i", required: .write, now: 99, changesState: false)
        #expect(throws: ZISError.invalidCredentials) {
            try authorizer.authorize(.bearer(token: "expiring-token"), integration: "i", required: .write, now: 100, changesState: false)
        }
    }

    @Test func adminsSignInEachSeededWay() throws {
        let admin = AdminUser(email: "a@example.com", password: "pw", apiToken: "api-token", session: "cookie", csrfToken: "csrf")
        var tokens = TokenRegistry()
        tokens.register(token: "owned-token-value", grant: TokenGrant(integration: "i", scopes: [.write], owner: admin.email))
        tokens.register(token: "seeded-token-value", grant: TokenGrant(integration: "i", scopes: [.write]))
        let authorizer = Authorizer(tokens: tokens, admins: [admin])
        for credentials: Credentials in [
            .basic(user: "a@example.com", password: "pw"), .basic(user: "a@example.com/token", password: "api-token"),
            .bearer(token: "owned-token-value"), .session(cookie: "cookie", csrfToken: "csrf"),
        ] {
            #expect(try authorizer.admin(credentials, now: 0, changesState: true).email == admin.email)
        }
        for credentials: Credentials in [
            .basic(user: "a@example.com", password: "api-token"), .basic(user: "a@example.com/token", password: "pw"),
            .session(cookie: "other", csrfToken: "csrf"), .none,
        ] {
            #expect(throws: ZISError.adminAuthenticationFailed) { try authorizer.admin(credentials, now: 0, changesState: false) }
        }
        #expect(throws: ZISError.invalidToken) { try authorizer.admin(.bearer(token: "seeded-token-value"), now: 0, changesState: false) }
        #expect(authorizer.admins.map(\.id) == [1])
        #expect(throws: ZISError.invalidCSRFToken) { try authorizer.admin(.session(cookie: "cookie", csrfToken: nil), now: 0, changesState: true) }
        #expect(try authorizer.admin(.session(cookie: "cookie", csrfToken: nil), now: 0, changesState: false).email == admin.email)
    }

    @Test func aTokenBelongsToOneIntegration() {
        var tokens = TokenRegistry()
        let first = tokens.register(token: "shared-token", grant: TokenGrant(integration: "a", scopes: [.write]))
        let second = tokens.register(token: "shared-token", grant: TokenGrant(integration: "b", scopes: [.write]))
        #expect(first && !second)
        #expect(tokens.grant(for: "shared-token")?.integration == "a")
    }
}
