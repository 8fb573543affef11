/// A ZIS token scope (spec §2). Raw values are the canonical names used in error titles.
public enum Scope: String, Sendable, Hashable, CaseIterable {
    case read
    case write

    /// Accepts `read`/`write` and their `zis:` synonyms [field].
    public init?(name: String) {
        switch name {
        case "read", "zis:read": self = .read
        case "write", "zis:write": self = .write
        default: return nil
        }
    }

    public static let nameRule = "scope must be one of read, write, zis:read, zis:write"

    /// Scope names as Zendesk and ZIS write them; the first unknown one is `refusal`'s to word.
    public static func set(named names: [String], refusal: (String) -> ZISError) throws(ZISError) -> Set<Scope> {
        var scopes: Set<Scope> = []
        for name in names {
            guard let scope = Scope(name: name) else { throw refusal(nameRule) }
            scopes.insert(scope)
        }
        return scopes
    }
}
