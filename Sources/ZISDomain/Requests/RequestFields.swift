/// The members of a request's JSON object, read with 400 errors whose `detail` names the field.
/// The routing layer parses the body (media type, syntax, the object itself) and hands the
/// domain this typed view; the domain never sees the bytes.
package struct RequestFields: Sendable {
    let members: [JSONMember]

    package init(members: [JSONMember]) {
        self.members = members
    }

    /// Unknown fields are refused [ours] so that a typo (`allowed_domian`) is not silently dropped.
    func rejectUnknown(allowed: [String]) throws(ZISError) {
        for member in members where !allowed.contains(member.key) { throw .unknownField(member.key, allowed: allowed) }
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

    /// A boolean if present (`true`, not `"true"`).
    func bool(_ key: String) throws(ZISError) -> Bool? {
        guard let value = members.first(where: { $0.key == key })?.value else { return nil }
        guard case .bool(let flag) = value.kind else {
            throw .badRequest(detail: "\(key) must be a boolean, found \(value.typeDescription)")
        }
        return flag
    }

    /// A whole number if present (`1234`, not `"1234"` or `1.5`).
    func integer(_ key: String) throws(ZISError) -> Int? {
        guard let value = members.first(where: { $0.key == key })?.value else { return nil }
        guard case .number(let lexeme) = value.kind, let number = Int(lexeme) else {
            throw .badRequest(detail: "\(key) must be a whole number, found \(value.typeDescription)")
        }
        return number
    }

    /// An array of strings if present.
    func strings(_ key: String) throws(ZISError) -> [String]? {
        guard let value = members.first(where: { $0.key == key })?.value else { return nil }
        guard case .array(let elements) = value.kind else {
            throw .badRequest(detail: "\(key) must be an array of strings, found \(value.typeDescription)")
        }
        var texts: [String] = []
        for element in elements {
            guard case .string(let text) = element.kind else {
                throw .badRequest(detail: "\(key) must be an array of strings, found \(element.typeDescription) in it")
            }
            texts.append(text)
        }
        return texts
    }

    /// Every member whose value is a string or a number, as text (a form's view of a JSON body).
    package var textMembers: [String: String] {
        var texts: [String: String] = [:]
        for member in members {
            switch member.value.kind {
            case .string(let text), .number(let text): texts[member.key] = text
            default: continue
            }
        }
        return texts
    }

    func requiredString(_ key: String) throws(ZISError) -> String {
        guard let text = try nonEmptyString(key) else { throw .badRequest(detail: "\(key) is required") }
        return text
    }
}

extension ZISError {
    /// A field no body or value of this kind takes, with the ones it does.
    static func unknownField(_ key: String, allowed: [String]) -> ZISError {
        .badRequest(detail: "Unknown field \(key) (expected one of: \(allowed.joined(separator: ", ")))")
    }
}
