/// Whose a ZIS object is, as its JSON format says: `integration` and `zendesk_account_id`
/// (configs, inbound webhooks). The account is the service's one number (`ZISService.zendeskAccountID`).
package struct ObjectOwner: Sendable {
    package let integration: String
    package let zendeskAccountID: Int
}
