import ZISDomain
import ZISMockHTTP

/// The page at `/oauth/authorizations/new` (issue 15): Zendesk's "Allow access?" screen, small
/// and self-contained (no script, nothing fetched), so it works in a real browser, in Postman's
/// OAuth 2.0 helper window and with `curl`. Allow and Deny post the request back as a form.
enum ConsentPage {
    static let contentType = (name: "Content-Type", value: "text/html; charset=utf-8")
    /// The form's target.
    static let decisionPath = "/oauth/authorizations"
    /// Shared with the simulated provider's page.
    static let style = """
        <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#2f3941}
        button{font-size:1rem;padding:.5rem 1.5rem;margin-right:.5rem}#allow{background:#1f73b7;color:#fff;border:0}</style>
        """

    static func render(_ request: ConsentRequest) -> HTTPResponse {
        let scopes = Scope.allCases.filter(request.scopes.contains).map(\.rawValue).joined(separator: " ")
        var hidden = [("client_id", request.client.client.identifier), ("redirect_uri", request.redirectURI), ("scope", scopes)]
        if let state = request.state { hidden.append(("state", state)) }
        let fields = hidden.map { #"<input type="hidden" name="\#($0.0)" value="\#(html($0.1))">"# }.joined(separator: "\n")
        let page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Allow access? — zis-mock</title>
            \(style)</head>
            <body><h1>Allow access?</h1>
            <p><strong>\(html(request.client.client.identifier))</strong> (integration <strong>\(html(request.client.integration))</strong>)
            asks for <strong>\(html(scopes))</strong> access to this Zendesk account.</p>
            <p>It will be sent back to <code>\(html(request.redirectURI))</code>.</p>
            <form method="post" action="\(decisionPath)">
            \(fields)
            <button type="submit" id="allow" name="decision" value="allow">Allow</button>
            <button type="submit" id="deny" name="decision" value="deny">Deny</button>
            </form>
            <p><small>Served by zis-mock, which consents as the account's first admin.</small></p>
            </body></html>

            """
        return HTTPResponse(status: 200, headers: [contentType], body: Array(page.utf8))
    }

    /// A refusal as a page: the browser shows it where a redirect cannot be trusted.
    static func error(_ error: ZISError) -> HTTPResponse {
        let page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(html(error.title)) — zis-mock</title></head>
            <body><h1>\(html(error.title))</h1><p>\(html(error.code)): \(html(error.detail ?? error.title))</p></body></html>

            """
        return HTTPResponse(status: error.status, headers: [contentType], body: Array(page.utf8))
    }

    /// Text in an HTML element or attribute value.
    static func html(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
