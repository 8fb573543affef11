import ZISDomain
import ZISMockHTTP

/// What `GET /oauth/authorizations/new` and the consent form's answer carry (RFC 6749 §4.1.1):
/// the client, where to send the browser back, the scopes asked for and the client's `state`.
struct ConsentRequest: Sendable {
    let client: ZendeskClientListing
    let redirectURI: String
    let scopes: Set<Scope>
    let state: String?

    /// From the query (the page) or the form body (the answer). The client must exist and the
    /// `redirect_uri` be an absolute http(s) URL, since the browser is sent there.
    init(_ parameters: [String: String], service: ZISService) throws(ZISError) {
        guard let identifier = parameters["client_id"], !identifier.isEmpty else { throw .invalidRequest("client_id is required") }
        guard let client = service.zendeskOAuthClient(identifier: identifier) else {
            // Zendesk's page [doc: "Invalid Authorization Request — No such client"].
            throw ZISError(status: 400, code: "invalid_client", title: "Invalid Authorization Request", detail: "No such client")
        }
        if let responseType = parameters["response_type"], responseType != "code" {
            throw ZISError(status: 400, code: "unsupported_response_type", title: "Bad Request", detail: "response_type must be code")
        }
        guard let redirectURI = parameters["redirect_uri"], !redirectURI.isEmpty else { throw .invalidRequest("redirect_uri is required") }
        try OAuthRequests.validateURL(redirectURI, field: "redirect_uri")
        self.client = client
        self.redirectURI = redirectURI
        self.scopes = try Scope.set(named: (parameters["scope"] ?? "read write").split(separator: " ").map(String.init)) {
            .invalidScope($0)
        }
        self.state = parameters["state"]
    }

    /// `redirect_uri` with `extra` and the `state` added to its query.
    func redirect(with extra: [(String, String)]) -> String {
        QueryString.appending(extra + (state.map { [("state", $0)] } ?? []), to: redirectURI)
    }
}

/// The consent form's answer: the request it answers, and whether the admin allowed it.
struct ConsentDecision: Sendable {
    let request: ConsentRequest
    let allowed: Bool
}
