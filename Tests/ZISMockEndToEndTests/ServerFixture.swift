import ZISMock

/// The seeded values the end-to-end tests talk about (seed-data/default.json).
enum Seeded {
    static let integration = "acme_crm_sync"
    static let readWriteToken = "zis-mock-read-write-token"
    static let readOnlyToken = "zis-mock-read-only-token"
    /// helpdesk_slack_bridge's token, with the `zis:read`/`zis:write` synonyms.
    static let slackToken = "zis-mock-slack-bridge-token"
    static let slackIntegration = "helpdesk_slack_bridge"
    /// inventory_webhooks has a token and no connections.
    static let emptyToken = "zis-mock-inventory-token"
    static let emptyIntegration = "inventory_webhooks"
    static let connectionCount = 230

    static func listPath(_ integration: String = integration, query: String? = nil) -> String {
        "/api/services/zis/integrations/\(integration)/connections/all" + (query.map { "?" + $0 } ?? "")
    }
}

/// Starts a server on an ephemeral loopback port for the duration of `body`.
func withServer(
    configure: (inout ZISMockConfiguration) -> Void = { _ in }, _ body: (ZISMockServer) throws -> Void
) throws {
    var configuration = ZISMockConfiguration()
    configuration.port = 0
    configuration.tuning.loopCount = 2
    configure(&configuration)
    let server = try ZISMockServer.start(configuration)
    defer { server.stop() }
    try body(server)
}

/// A request as raw text; `authorization: nil` sends no Authorization header.
func request(
    target: String, authorization: String? = "Bearer \(Seeded.readWriteToken)",
    headers: [String] = [], version: String = "HTTP/1.1", host: String? = "mysubdomain.zendesk.com"
) -> String {
    request("GET", target, authorization: authorization, headers: headers, version: version, host: host)
}

func request(
    _ method: String, _ target: String, authorization: String? = "Bearer \(Seeded.readWriteToken)",
    headers: [String] = [], version: String = "HTTP/1.1", host: String? = "mysubdomain.zendesk.com"
) -> String {
    var lines = ["\(method) \(target) \(version)"]
    if let host { lines.append("Host: \(host)") }
    if let authorization { lines.append("Authorization: \(authorization)") }
    lines += headers
    return lines.joined(separator: "\r\n") + "\r\n\r\n"
}

func errorBody(_ code: String, _ title: String) -> String {
    #"{"errors":[{"code":"\#(code)","title":"\#(title)"}]}"#
}
