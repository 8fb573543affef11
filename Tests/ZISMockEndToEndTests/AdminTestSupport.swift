import Foundation
import ZISMock

/// A request with an optional JSON body, for the control plane and the Zendesk surface alike.
func bodyRequest(
    _ method: String, _ target: String, body: String? = nil, authorization: String? = "Bearer \(Seeded.readWriteToken)",
    headers: [String] = []
) -> String {
    var lines = ["\(method) \(target) HTTP/1.1", "Host: mysubdomain.zendesk.com"]
    if let authorization { lines.append("Authorization: \(authorization)") }
    lines += headers
    if let body {
        lines.append("Content-Type: application/json")
        lines.append("Content-Length: \(body.utf8.count)")
    }
    return lines.joined(separator: "\r\n") + "\r\n\r\n" + (body ?? "")
}

/// A small seed whose secrets are not the default seed's, so exports with `?secrets=true` can be read.
let smallSeedJSON = """
    {"integrations":[{"name":"small_app","tokens":[{"token":"small-app-token-1","scopes":["read","write"]}],
     "connections":{
       "api_key":[{"name":"crm_key","allowed_domain":"api.example.com","header_name":"X-Key","api_key":"small-secret-key",
                   "created_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-03T03:04:05Z"}],
       "basic_auth":[{"name":"erp_basic","allowed_domain":"erp.example.com","username":"svc","password":"small-secret-password",
                   "created_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-02T03:04:05Z"}],
       "bearer_token":[{"name":"billing_bearer","allowed_domain":"billing.example.com","token":"small-secret-token",
                   "created_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-02T03:04:05Z"}],
       "oauth":[{"name":"slack_oauth","access_token":"xoxb-clear","refresh_token":"refresh-clear","token_type":"bearer"}]},
     "oauth_clients":[{"name":"slack_client","client_id":"cid","client_secret":"small-client-secret","grant_type":"authorization_code","uuid":"u-1"}]}]}
    """

func jsonObject(_ text: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
}
