/// JSON values the mock keeps as documents (configs, bundles): compared by content, not by where
/// they were read, and merged the way a config's partial update merges.
extension JSONValue {
    /// A position every kept document shares, so two equal documents read from different places
    /// (a request, a seed file, an export) compare equal.
    private static let keptPosition = SourcePosition(line: 1, column: 1)

    /// The same value with every position reset to `keptPosition`.
    package var kept: JSONValue {
        switch kind {
        case .array(let elements): JSONValue(.array(elements.map(\.kept)), at: Self.keptPosition)
        case .object(let members):
            JSONValue(
                .object(members.map { JSONMember(key: $0.key, keyPosition: Self.keptPosition, value: $0.value.kept) }),
                at: Self.keptPosition)
        default: JSONValue(kind, at: Self.keptPosition)
        }
    }

    /// The members of an object, nil for any other value.
    package var members: [JSONMember]? {
        if case .object(let members) = kind { members } else { nil }
    }

    /// The member `key` of an object.
    package subscript(key: String) -> JSONValue? {
        members?.first { $0.key == key }?.value
    }

    /// The text of a string value.
    package var text: String? {
        if case .string(let text) = kind { text } else { nil }
    }

    /// `patch` merged into this object: each of its members replaces the member of that name,
    /// except that two objects are merged member by member, so a partial update changes only
    /// the settings it names [ours: the depth of the merge; the docs say only "partial update"].
    package func merging(_ patch: JSONValue) -> JSONValue {
        guard var merged = members, let patchMembers = patch.members else { return patch.kept }
        for member in patchMembers {
            if let index = merged.firstIndex(where: { $0.key == member.key }) {
                merged[index] = JSONMember(key: member.key, keyPosition: Self.keptPosition, value: merged[index].value.merging(member.value))
            } else {
                merged.append(JSONMember(key: member.key, keyPosition: Self.keptPosition, value: member.value.kept))
            }
        }
        return JSONValue(.object(merged), at: Self.keptPosition)
    }
}
