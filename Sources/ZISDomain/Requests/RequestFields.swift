/// The members of a request's JSON object, read with 400 errors whose `detail` names the field.
/// The routing layer parses the body (media type, syntax, the object itself) and hands the
/// domain this typed view; the domain never sees the bytes.
package struct RequestFields: Sendable {
    let members: [JSONMember]

    package init(members: [JSONMember]) {
        self.members = members
    }

    func contains(_ key: String) -> Bool {
        members.contains { $0.key == key }
    }

    /// Unknown fields are refused [ours] so that a typo (`allowed_domian`) is not silently dropped.
    func rejectUnknown(allowed: [String]) throws(ZISError) {
        for member in members where !allowed.contains(member.key) {
            throw .badRequest(detail: "Unknown field \(member.key) (expected one of: \(allowed.joined(separator: ", ")))")
        }
    }

    /// A string field if present; any other JSON type (including null) is a 400.
    func string(_ key: String) throws(ZISError) -> String? {
        guard let value = members.first(where: { $0.key == key })?.value else { return nil }
        guard case .string(let text) = value.kind else {
            throw .badRequest(detail: "\(key) must be a string, found \(value.typeDescription)")
        }
        return text
    }

    /// A present string that must not be empty.
    func nonEmptyString(_ key: String) throws(ZISError) -> String? {
        guard let text = try string(key) else { return nil }
        guard !text.isEmpty else { throw .badRequest(detail: "\(key) must not be empty") }
        return text
    }

    func requiredString(_ key: String) throws(ZISError) -> String {
        guard let text = try nonEmptyString(key) else { throw .badRequest(detail: "\(key) is required") }
        return text
    }
}
