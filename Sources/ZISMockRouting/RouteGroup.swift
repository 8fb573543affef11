/// A part of the URL surface with middleware of its own (Hummingbird's `RouterGroup`): Zendesk's
/// API, or the mock's control plane under `/__admin/`. A route is registered in a group, and a
/// path no route matches belongs to the group whose prefix it starts with, so that a 404 under
/// `/__admin/` is the control plane's (admin token, never journaled) without any layer testing
/// path strings.
public struct RouteGroup: Sendable, Hashable, CustomStringConvertible {
    public let description: String
    /// The leading path segments every route of the group has; empty for the default group.
    let prefix: [String]

    /// What Zendesk serves (spec §3–5): journaled, rate limited, faulted.
    public static let zendesk = RouteGroup(description: "zendesk", prefix: [])
    /// What the mock adds for tests (spec §8): no Zendesk path can collide with it.
    public static let admin = RouteGroup(description: "admin", prefix: ["__admin"])

    public static let all = [zendesk, admin]

    /// The group a decoded path belongs to: the one with the longest prefix it starts with.
    static func containing(_ path: [String]) -> RouteGroup {
        all.filter { path.starts(with: $0.prefix) }.max { $0.prefix.count < $1.prefix.count } ?? .zendesk
    }
}
