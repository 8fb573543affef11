/// A ZIS inbound webhook [doc: Inbound Webhooks API]: an ingest path with a token that names
/// it, and the Basic credentials a sender must present there. The mock records what is posted
/// (in the request journal) but runs no flow.
public struct InboundWebhook: Sendable, Equatable {
    /// `id` and the deprecated `uuid` [doc] are the same value [ours].
    public let id: String
    /// The last segment of the ingest path.
    public let token: String
    public let sourceSystem: String
    public let eventType: String
    public let username: String
    /// A secret: masked in an export without `?secrets=true`.
    public let password: String

    package init(id: String, token: String, sourceSystem: String, eventType: String, username: String, password: String) {
        self.id = id
        self.token = token
        self.sourceSystem = sourceSystem
        self.eventType = eventType
        self.username = username
        self.password = password
    }

    package static let ingestPathPrefix = "/api/services/zis/inbound_webhooks/generic/ingest/"

    /// Where senders post [doc: "POST /api/services/zis/inbound_webhooks/generic/ingest/{token}";
    /// ours: the path alone, not a full URL, so it is right behind any base URL].
    public var path: String { Self.ingestPathPrefix + token }
}
