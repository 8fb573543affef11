/// A ZIS config: an integration's settings under a scope, an arbitrary JSON object [doc: ZIS
/// Configs API, "config: The Config JSON object. Other properties are metadata"].
package struct IntegrationConfig: Sendable, Equatable, NameKeyed {
    package let id: Int
    package let scope: String
    /// Always a JSON object.
    package var config: JSONValue
    /// Seconds since the Unix epoch.
    package let createdAt: Int
    package var updatedAt: Int

    package init(id: Int, scope: String, config: JSONValue, createdAt: Int, updatedAt: Int) {
        self.id = id
        self.scope = scope
        self.config = config.kept
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Configs are listed, and paged, by scope.
    package var name: String { scope }

    /// Whether `scope` fits a `filter[scope]` pattern, where `*` stands for any run of
    /// characters [doc: "accepts an asterisk (*) as a wildcard … Example: filter[scope]=foo*"].
    package static func scope(_ scope: String, matches pattern: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map { Array($0.utf8) }
        var rest = Array(scope.utf8)[...]
        for (index, part) in parts.enumerated() {
            if index == 0 {
                guard rest.starts(with: part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if index == parts.count - 1 {
                return rest.count >= part.count && rest.suffix(part.count).elementsEqual(part)
            } else {
                guard let found = rest.firstRange(of: part) else { return false }
                rest = rest[found.upperBound...]
            }
        }
        return rest.isEmpty
    }
}
