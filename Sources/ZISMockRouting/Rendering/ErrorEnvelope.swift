import ZISDomain
import ZISMockHTTP

/// The error bodies of the API areas. Zendesk's areas answer errors in different shapes, and a
/// client parses the one of the area it calls, so each endpoint row names its area's.
package enum ErrorEnvelope: Sendable {
    /// ZIS Connections (spec §1): `{"errors":[{"code":…,"title":…[,"detail":…]}]}`.
    case zis
    /// The ZIS Registry: `{"errors":[{"code":…,"detail":…,"status":"400"}],"message":…}` [doc].
    case registry
    /// RFC 6749 §5.2, for `/oauth/tokens`: `{"error":…,"error_description":…}`.
    case oauth
    /// Zendesk's own `/api/v2` API: `{"error":…,"description":…}`.
    case zendeskAPI
    /// A page for a browser (the consent screen).
    case html

    func body(of error: ZISError) -> [UInt8] {
        // Zendesk's session layer refuses a missing CSRF token before any API answers [doc].
        if error.isInvalidCSRFToken { return Array(#"{"error":{"title":"Forbidden","message":"Invalid authenticity token"}}"#.utf8) }
        var writer = JSONWriter(reservingCapacity: 96 + error.title.utf8.count + (error.detail?.utf8.count ?? 0))
        switch self {
        case .zis:
            return HTTPResponse.body(of: error)
        case .html:
            return ConsentPage.error(error).body
        case .registry:
            // Numeric codes [doc: 1001 for 401, 1010 for 400, 1050 for 500; ours: 1010 for every other refusal].
            let code = error.status == 401 ? "1001" : error.status >= 500 ? "1050" : "1010"
            writer.raw("{\"errors\":[{\"code\":")
            writer.string(code)
            writer.raw(",\"detail\":")
            writer.string(error.detail ?? error.title)
            writer.raw(",\"status\":")
            writer.string(String(error.status))
            writer.raw("}],\"message\":")
            writer.string(error.status == 401 ? "Unauthorized" : error.title)
            writer.raw("}")
        case .oauth:
            // Refusals made before the grant is read (media type, syntax) are RFC "invalid_request"s.
            let isRFCCode = error.code.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
            writer.raw("{\"error\":")
            writer.string(isRFCCode ? error.code : "invalid_request")
            writer.raw(",\"error_description\":")
            writer.string(error.detail ?? error.title)
            writer.raw("}")
        case .zendeskAPI where error == .invalidToken:
            // A bad bearer token is refused in OAuth's words, even on `/api/v2` [doc].
            return ErrorEnvelope.oauth.body(of: error)
        case .zendeskAPI:
            writer.raw("{\"error\":")
            writer.string(error.detail == nil ? error.title : error.code)
            if let detail = error.detail {
                writer.raw(",\"description\":")
                writer.string(detail)
            }
            writer.raw("}")
        }
        return writer.bytes
    }
}

extension HTTPResponse {
    /// `error` in the envelope of the area that answers it.
    init(_ error: ZISError, envelope: ErrorEnvelope) {
        switch envelope {
        case .zis where !error.isInvalidCSRFToken:
            self.init(error)
            return
        case .html:
            self = ConsentPage.error(error)
            return
        default:
            break
        }
        self = .json(error.status, envelope.body(of: error), headers: error.headers.map { ($0.name, $0.value) })
    }
}
