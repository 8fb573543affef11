/// The four connection kinds; raw values are the JSON keys and path segments Zendesk uses (spec §3, §4).
public enum ConnectionType: String, Sendable, CaseIterable, Hashable {
    case apiKey = "api_key"
    case basicAuth = "basic_auth"
    case bearerToken = "bearer_token"
    case oauth
}
