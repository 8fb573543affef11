/// What a request presented to prove who it is (spec §2), as a value: the routing layer reads it
/// from the `Authorization` header, so the domain never parses a header.
public enum Credentials: Sendable, Equatable {
    /// No `Authorization` header, or an empty one.
    case none
    /// Zendesk API-token style Basic credentials, refused by ZIS endpoints [field].
    case basic
    case bearer(token: String)
    /// Any other scheme.
    case otherScheme
}
