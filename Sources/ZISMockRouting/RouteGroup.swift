/// A part of the URL surface with middleware of its own (Hummingbird's `RouterGroup`): Zendesk's
/// API, or the mock's control plane under `/__admin/`. A route is registered in a group, and a
/// path no route matches belongs to the group whose prefix it starts with, so that a 404 under
/// `/__admin/` is the control plane's (admin token, never journaled) without any layer testing
/// path strings.
package struct RouteGroup: Sendable, Hashable, CustomStringConvertible {
    /// Its place in `all`: equality, hashing and the responder's per-group middleware use it, so
    /// a request never hashes or compares the group's text. The only stored property, so a group
    /// is copied (into every request's route context, several times) without a retain.
    let index: Int
    package var description: String { Self.details[index].description }
    /// The leading path segments every route of the group has; empty for the default group.
    var prefix: [String] { Self.details[index].prefix }

    private static let details: [(description: String, prefix: [String])] = [("zendesk", []), ("admin", ["__admin"])]

    /// What Zendesk serves (spec §3–5): journaled, rate limited, faulted.
    package static let zendesk = RouteGroup(index: 0)
    /// What the mock adds for tests (spec §8): no Zendesk path can collide with it.
    package static let admin = RouteGroup(index: 1)

    package static func == (left: RouteGroup, right: RouteGroup) -> Bool { left.index == right.index }
    package func hash(into hasher: inout Hasher) { hasher.combine(index) }

    package static let all = [zendesk, admin]

    /// The group a decoded path belongs to: the one with the longest prefix it starts with.
    static func containing(_ path: [String]) -> RouteGroup {
        all.filter { path.starts(with: $0.prefix) }.max { $0.prefix.count < $1.prefix.count } ?? .zendesk
    }
}
