/// How the simulated OAuth provider (issue 16) — zis-mock's stand-in for Slack, Salesforce and
/// every other client's provider — answers, set by tests through `PUT /__admin/oauth-provider`
/// so both happy and failing flows can be scripted without a browser. Part of the service's
/// state: an admin reset restores the defaults [ours].
package struct OAuthProviderBehaviour: Sendable, Equatable {
    /// What the provider's authorization page does with the browser.
    package enum Consent: String, Sendable, CaseIterable {
        /// Shows its Allow/Deny page.
        case page
        /// Approves at once, as a provider the user already consented to does.
        case approve
        /// Denies at once (`error=access_denied`).
        case deny
    }

    /// How its token endpoint answers an exchange or a refresh.
    package enum Outcome: String, Sendable, CaseIterable {
        case succeed
        /// `400 {"error":"invalid_grant",…}` (RFC 6749 §5.2).
        case fail
    }

    package var consent = Consent.page
    package var tokenExchange = Outcome.succeed
    package var refresh = Outcome.succeed
    /// `expires_in` of the tokens it issues; short ones make refresh testable.
    package var accessTokenLifetimeSeconds = 3600

    package init() {}

    /// Any `expires_in` from a second to a year [ours].
    package static let lifetimes = 1...31_536_000
}
