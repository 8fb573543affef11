import ZISDomain
import ZISMockHTTP

/// The simulated OAuth provider's authorization page (issue 16), where `redirect_url` sends the
/// browser for every client but the built-in `zendesk` one. Served in the admin group (nothing
/// of Zendesk's lies under `/__admin/`) and open like `health`: a browser reaches it with no
/// admin token, the flow's `state` being its credential. `PUT /__admin/oauth-provider` decides
/// whether it shows the page, approves or denies at once.
enum OAuthProviderEndpoints {
    static let rows: [Endpoint] = [
        Endpoint(
            "GET", OAuthPaths.providerAuthorize, access: .open, target: { _ in () },
            input: .query { query throws(ZISError) in try OAuthInputs.state(query.last(where: { $0.name == "state" })?.value) },
            // A GET may issue a code (consent `approve`); a HEAD must not.
            reply: Reply(render: render), answersHEADWithoutPerforming: true, errors: .html
        ) { (zis, _, state) throws(ZISError) in
            try zis.authorizeAtProvider(state: state, decision: nil)
        },
        Endpoint(
            "POST", OAuthPaths.providerAuthorize, access: .open, target: { _ in () },
            input: RequestInput { (request, _) throws(ZISError) in try FormRequestBody.parameters(of: request) },
            reply: Reply(render: render), errors: .html
        ) { (zis, _, form) throws(ZISError) in
            try zis.authorizeAtProvider(state: try OAuthInputs.state(form["state"]), decision: form["decision"] == "allow")
        },
    ]

    @Sendable static func render(_ answer: ProviderAnswer, _: HTTPRequest) -> HTTPResponse {
        switch answer {
        case .page(let authorization): ProviderConsentPage.render(authorization)
        case .redirect(let location): HTTPResponse(status: 302, headers: [("Location", location)])
        }
    }
}
