import ZISDomain

/// `…/configs/{scope}`.
struct ConfigTarget: Sendable {
    let integration: String
    let scope: String

    init(_ parameters: PathParameters) {
        integration = parameters["integration"]
        scope = parameters["scope"]
    }
}

/// `…/inbound_webhooks/generic/{integration}/{id}`.
struct InboundWebhookTarget: Sendable {
    let integration: String
    let id: String

    init(_ parameters: PathParameters) {
        integration = parameters["integration"]
        id = parameters["id"]
    }
}
