import ZISDomain
import ZISMockBasics
import ZISMockHTTP

/// Request bodies of the write endpoints (spec §4, §5): the media type is checked, the bytes
/// parsed with the strict `JSONParser`, and the object handed to the domain as `RequestFields`.
enum JSONRequestBody {
    /// `Content-Type` must be `application/json`; parameters such as `charset` are allowed.
    /// Anything else, or no `Content-Type` at all, is 415 [ours].
    static func isJSONMediaType(_ contentType: String?) -> Bool {
        isMediaType("application/json", contentType)
    }

    /// Whether `contentType` names `mediaType`, whatever its parameters (`; charset=…`) and case.
    static func isMediaType(_ mediaType: String, _ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let given = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(given).trimmingASCIIBlanks().equalsIgnoringASCIICase(mediaType)
    }

    /// The body's top-level object. When `wrapper` is given and the object is exactly
    /// `{"<wrapper>": {…}}`, the inner object is used instead, so both the flat form the Zendesk
    /// docs send and the type-wrapped form the responses use are accepted [ours].
    static func fields(of request: HTTPRequest, wrapper: String? = nil) throws(ZISError) -> RequestFields {
        guard isJSONMediaType(request.headers["Content-Type"]) else { throw .unsupportedMediaType }
        guard !request.body.isEmpty else { throw .badRequest(detail: "The request body must be a JSON object") }
        let value: JSONValue
        do {
            value = try JSONParser.parse(request.body)
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
