/// Request bodies exactly as Zendesk's developer pages print them (issue 16), so the tests send
/// what a user pasting from the docs sends. Where a page prints a placeholder *value* for the
/// reader to replace ("Replace the following placeholders with your own values"), `filled`
/// replaces just that value; everything else — spacing, key order, Postman `{{variables}}` — is
/// kept byte for byte.
package enum ZendeskDocBodies {
    /// "Using ZIS to obtain Zendesk OAuth token", Kick off a Zendesk OAuth flow
    /// (developer.zendesk.com/documentation/integration-services/zis-tutorials/advanced/obtain-oauth-token/).
    /// `{{subdomain}}` is a Postman variable the page leaves to the reader's environment.
    package static let zendeskTokenTutorialStart =
        #"{  "allow_offline_access": true,  "oauth_client_name": "zendesk",  "oauth_url_subdomain": "{{subdomain}}",  "origin_oauth_redirect_url": "http://example.local",  "permission_scopes": "read write",  "name": "zendesk"}"#

    /// "Managing third-party OAuth tokens", Create an OAuth client in ZIS Connections
    /// (developer.zendesk.com/documentation/integration-services/developer-guide/managing-third-party-oauth-tokens/).
    /// No `name`. `auth_url` and `token_url` hold the placeholder values `"auth_url"`, `"token_url"`.
    package static let thirdPartyCreateClient =
        #"{"client_id": "abc","client_secret": "xyz","auth_url": "auth_url","token_url": "token_url"}"#

    /// The same page, Create an OAuth flow: no `name`; the uuid is the page's example client's.
    package static let thirdPartyStart =
        #"{"oauth_client_uuid": "01cc6165-68cd-4031-89a2-dee345874f7c","permission_scopes": "<SCOPES>","origin_oauth_redirect_url": "<YOUR_REDIRECT_ENDPOINT>"}"#

    /// "Obtaining a third-party OAuth token" (Zendesk app as an admin interface tutorial, Slack)
    /// (developer.zendesk.com/documentation/integration-services/zis-tutorials/zendesk-app-admin-interface/zis-obtain-oauth-token/):
    /// Store the Slack OAuth client details in ZIS. `{slack_client_id}`/`{slack_client_secret}` are the reader's.
    package static let slackTutorialClient =
        #"{  "name": "slack",  "client_id": "{slack_client_id}",  "client_secret": "{slack_client_secret}",  "default_scopes": "chat.postMessage",  "auth_url": "https://slack.com/oauth/v2/authorize",  "token_url": "https://slack.com/api/oauth.v2.access"}"#

    /// `body` with each placeholder value (`"auth_url"`, `"<SCOPES>"`, a uuid …) replaced by the
    /// reader's own; only a value position (`: "placeholder"`) is replaced, never a key.
    package static func filled(_ body: String, _ values: [String: String]) -> String {
        var result = body
        for (placeholder, value) in values {
            result = result.replacingOccurrencesOfValue(placeholder, with: value)
        }
        return result
    }
}

extension String {
    fileprivate func replacingOccurrencesOfValue(_ placeholder: String, with value: String) -> String {
        let target = ": \"\(placeholder)\""
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + ": \"\(value)\""
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
