/// Request bodies of the write endpoints (spec §4, §5): the media type is checked, the bytes
/// parsed with the strict `JSONParser`, and fields read with errors that name the field.
public enum RequestBody {
    /// `Content-Type` must be `application/json`; parameters such as `charset` are allowed.
    /// Anything else, or no `Content-Type` at all, is 415 [ours].
    public static func isJSONMediaType(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(mediaType).trimmingBlanks().equalsIgnoringASCIICase("application/json")
    }

    /// The body's top-level object. When `wrapper` is given and the object is exactly
    /// `{"<wrapper>": {…}}`, the inner object is used instead, so both the flat form the Zendesk
    /// docs send and the type-wrapped form the responses use are accepted [ours].
    static func fields(contentType: String?, body: [UInt8], wrapper: String? = nil) throws(ZISError) -> RequestFields {
        guard isJSONMediaType(contentType) else { throw .unsupportedMediaType }
        guard !body.isEmpty else { throw .badRequest(detail: "The request body must be a JSON object") }
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw .badRequest(detail: "Malformed JSON at \(error.position): \(error.message)")
        }
        guard case .object(var members) = value.kind else {
            throw .badRequest(detail: "The request body must be a JSON object, found \(value.typeDescription)")
        }
        if let wrapper, members.count == 1, members[0].key == wrapper, case .object(let inner) = members[0].value.kind {
            members = inner
        }
        return RequestFields(members: members)
    }
}

/// The members of a request object, read with 400 errors whose `detail` names the field.
struct RequestFields {
    let members: [JSONMember]

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

extension String {
    /// Without Foundation: drops leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let isBlank = { (character: Character) in character == " " || character == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }

    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        let lower = { (byte: UInt8) in (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte }
        return utf8.count == other.utf8.count && zip(utf8, other.utf8).allSatisfy { lower($0) == lower($1) }
    }
}
