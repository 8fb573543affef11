import Testing
import ZISDomain
import ZISMockFixtures
import ZISMockHTTP
@testable import ZISMockRouting

/// Spec §2 as a client sees it, byte for byte: the `Authorization` header read into credentials,
/// and every endpoint row running route → authenticate → authorize → validate in that order.
@Suite struct EndpointAuthorizationTests {
    let mock = RoutingFixture(connections: Fixture.connections(3))

    private func list(_ authorization: String?, integration: String = Fixture.integration, query: String = "") -> HTTPResponse {
        let headers = authorization.map { [(name: "Authorization", value: $0)] } ?? []
        return mock.responder.respond(to: .mock("GET", "/api/services/zis/integrations/\(integration)/connections/all\(query)", headers: headers))
    }

    static let authenticationFailed = #"{"errors":[{"code":"InvalidCredentials","title":"Authentication failed"}]}"#

    @Test(arguments: [nil, "", "   ", "Token abc", "Digest username=x", "Bearer-ish abcdefgh"])
    func missingHeaderOrOtherSchemeIsInvalidCredentials(authorization: String?) {
        let response = list(authorization)
        #expect(response.status == 401)
        #expect(response.text == Self.authenticationFailed)
    }

    @Test(arguments: ["Basic dXNlckBleGFtcGxlLmNvbS90b2tlbjphYmM=", "basic x", "BASIC", "Basic"])
    func basicCredentialsAreForbidden(authorization: String) {
        let response = list(authorization, integration: "no_such_integration")
        #expect(response.status == 403)
        #expect(response.text == #"{"errors":[{"code":"Forbidden","title":"API token is not supported"}]}"#)
    }

    @Test(arguments: ["Bearer", "Bearer ", "Bearer short", "Bearer " + String(repeating: "x", count: 513)])
    func impossibleTokenLengthIsRejected(authorization: String) {
        let response = list(authorization)
        #expect(response.status == 401)
        #expect(response.text == #"{"errors":[{"code":"InvalidCredentials","title":"Token length is invalid"}]}"#)
    }

    @Test(arguments: ["Bearer unknown-token-value", "Bearer 12345678"])
    func unknownTokenIsAuthenticationFailed(authorization: String) {
        #expect(list(authorization).text == Self.authenticationFailed)
    }

    @Test(arguments: [Fixture.otherIntegration, "no_such_integration"])
    func tokenOfAnotherIntegrationOrMissingIntegrationIsMismatch(integration: String) {
        let response = list("Bearer \(Fixture.token)", integration: integration)
        #expect(response.status == 401)
        #expect(response.text == #"{"errors":[{"code":"InvalidCredentials","title":"Authorization failed due to integration mismatch"}]}"#)
    }

    @Test func missingWriteScopeIsForbidden() {
        let response = list("Bearer \(Fixture.readOnlyToken)")
        #expect(response.status == 403)
        #expect(response.text == #"{"errors":[{"code":"Forbidden","title":"Cannot access this resource. Missing scope write"}]}"#)
    }

    @Test(arguments: ["Bearer \(Fixture.token)", "bearer \(Fixture.token)", "BEARER   \(Fixture.token)  ", "\tBearer\t\(Fixture.token)"])
    func validBearerTokenIsAccepted(authorization: String) {
        #expect(list(authorization).status == 200)
    }

    @Test func authenticationIsCheckedBeforePagination() {
        #expect(list(nil, query: "?page[size]=0").status == 401)
        #expect(list("Bearer \(Fixture.token)", query: "?page[size]=0").text.contains("InvalidPaginationParameter"))
    }

    /// Every row: no token → 401; a read-only token → 403; both before the body is looked at
    /// (these bodies are not even JSON).
    @Test(arguments: ConnectionsEndpoints.rows + OAuthEndpoints.rows)
    func everyTokenRowAuthorizesBeforeValidating(endpoint: Endpoint) {
        guard case .integrationToken = endpoint.access else { return }
        let path = endpoint.template.replacingParameters(["integration": Fixture.integration, "type": "api_key", "name": "c0000", "uuid": "u"])
        let anonymous = mock.responder.respond(to: .mock(endpoint.method, path, headers: [("Content-Type", "text/plain")], body: "x"))
        #expect(anonymous.status == 401, "\(endpoint.method) \(endpoint.template)")
        let readOnly = mock.responder.respond(to: .mock(endpoint.method, path, headers: [("Authorization", "Bearer \(Fixture.readOnlyToken)")], body: "x"))
        #expect(readOnly.status == 403, "\(endpoint.method) \(endpoint.template)")
    }

    /// Routing comes first: a connection type no route serves is a 404 before authentication.
    @Test(arguments: ["oauth", "carrier_pigeon"])
    func unservedConnectionTypesAreUnknownPaths(type: String) {
        let response = mock.responder.respond(to: .mock("POST", "/api/services/zis/integrations/acme/connections/\(type)"))
        #expect(response.status == 404)
        #expect(response.text.contains("No route for POST /api/services/zis/integrations/acme/connections/\(type)"))
    }
}

extension String {
    /// The template with each `{name}` replaced by its value.
    func replacingParameters(_ values: [String: String]) -> String {
        split(separator: "/", omittingEmptySubsequences: false).map { segment in
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return String(segment) }
            return values[String(segment.dropFirst().dropLast())] ?? "x"
        }.joined(separator: "/")
    }
}
