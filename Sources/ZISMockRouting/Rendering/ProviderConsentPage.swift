import ZISDomain
import ZISMockHTTP

/// The simulated OAuth provider's authorization page (issue 16), standing in for the client's
/// `auth_url` (Slack's, Salesforce's …): small and self-contained like Zendesk's consent page
/// (`ConsentPage`, whose style and escaping it shares), so it works in a browser and with `curl`.
/// Allow and Deny post the flow's `state` back to the same path.
enum ProviderConsentPage {
    static func render(_ authorization: ProviderAuthorization) -> HTTPResponse {
        let html = ConsentPage.html
        let page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Authorize \(html(authorization.clientName))? — zis-mock OAuth provider</title>
            \(ConsentPage.style)</head>
            <body><h1>Authorize \(html(authorization.clientName))?</h1>
            <p>The ZIS integration <strong>\(html(authorization.integration))</strong> (client <code>\(html(authorization.clientID))</code>)
            asks for <strong>\(html(authorization.scopes))</strong>.</p>
            <p>zis-mock's simulated provider, standing in for <code>\(html(authorization.standsInFor))</code>.</p>
            <form method="post" action="\(OAuthPaths.providerAuthorize)">
            <input type="hidden" name="state" value="\(html(authorization.state))">
            <button type="submit" id="allow" name="decision" value="allow">Allow</button>
            <button type="submit" id="deny" name="decision" value="deny">Deny</button>
            </form>
            </body></html>

            """
        return HTTPResponse(status: 200, headers: [ConsentPage.contentType], body: Array(page.utf8))
    }
}
