import Testing
@testable import ZISDomain

/// Spec §2, row by row, through the list endpoint so the order against pagination is covered too.
@Suite struct AuthorizerTests {
    let service = Fixture.service(connectionCount: 3)

    private func failure(_ authorization: String?, integration: String = Fixture.integration, query: [(String, String)] = [])
        -> ZISError?
    {
        if case .failure(let error) = service.listAllConnections(integration: integration, authorization: authorization, query: query) {
            return error
        }
        return nil
    }

    static let authenticationFailed = #"{"errors":[{"code":"InvalidCredentials","title":"Authentication failed"}]}"#

    @Test(arguments: [nil, "", "   ", "Token abc", "Digest username=x", "Bearer-ish abcdefgh"])
    func missingHeaderOrOtherSchemeIsInvalidCredentials(authorization: String?) throws {
        let error = try #require(failure(authorization))
        #expect(error.status == 401)
        #expect(text(error.body) == Self.authenticationFailed)
    }

    @Test(arguments: ["Basic dXNlckBleGFtcGxlLmNvbS90b2tlbjphYmM=", "basic x", "BASIC", "Basic"])
    func basicCredentialsAreForbidden(authorization: String) throws {
        let error = try #require(failure(authorization, integration: "no_such_integration"))
        #expect(error.status == 403)
        #expect(text(error.body) == #"{"errors":[{"code":"Forbidden","title":"API token is not supported"}]}"#)
    }

    @Test(arguments: ["Bearer", "Bearer ", "Bearer short", "Bearer " + String(repeating: "x", count: 513)])
    func impossibleTokenLengthIsRejected(authorization: String) throws {
        let error = try #require(failure(authorization))
        #expect(error.status == 401)
        #expect(text(error.body) == #"{"errors":[{"code":"InvalidCredentials","title":"Token length is invalid"}]}"#)
    }

    @Test(arguments: ["Bearer unknown-token-value", "Bearer " + String(repeating: "y", count: 512), "Bearer 12345678"])
    func unknownTokenIsAuthenticationFailed(authorization: String) throws {
        let error = try #require(failure(authorization))
        #expect(error.status == 401)
        #expect(text(error.body) == Self.authenticationFailed)
    }

    @Test(arguments: [Fixture.otherIntegration, "no_such_integration"])
    func tokenOfAnotherIntegrationOrMissingIntegrationIsMismatch(integration: String) throws {
        let error = try #require(failure("Bearer \(Fixture.token)", integration: integration))
        #expect(error.status == 401)
        #expect(
            text(error.body)
                == #"{"errors":[{"code":"InvalidCredentials","title":"Authorization failed due to integration mismatch"}]}"#)
    }

    @Test func missingWriteScopeIsForbidden() throws {
        let error = try #require(failure("Bearer \(Fixture.readOnlyToken)"))
        #expect(error.status == 403)
        #expect(text(error.body) == #"{"errors":[{"code":"Forbidden","title":"Cannot access this resource. Missing scope write"}]}"#)
    }

    @Test(arguments: ["Bearer \(Fixture.token)", "bearer \(Fixture.token)", "BEARER   \(Fixture.token)  ", "\tBearer\t\(Fixture.token)"])
    func validBearerTokenIsAccepted(authorization: String) {
        #expect(failure(authorization) == nil)
    }

    @Test func authenticationIsCheckedBeforePagination() throws {
        let error = try #require(failure(nil, query: [("page[size]", "0")]))
        #expect(error.status == 401)
        let paginationError = try #require(failure("Bearer \(Fixture.token)", query: [("page[size]", "0")]))
        #expect(paginationError.code == "InvalidPaginationParameter")
    }

    @Test func zisScopeNamesAreSynonyms() throws {
        var tokens = TokenRegistry()
        tokens.register(token: "zis-scoped-token", grant: TokenGrant(integration: "i", scopes: [Scope(name: "zis:write")!]))
        let grant = try Authorizer(tokens: tokens).authorize(authorization: "Bearer zis-scoped-token", integration: "i", required: .write)
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
