import ZISDomain
import ZISMockBasics
import ZISMockHTTP

/// Bodies the OAuth endpoints take the way OAuth clients send them: a form
/// (`application/x-www-form-urlencoded`, RFC 6749 §4.1.3) or, as Zendesk also takes it, JSON.
enum FormRequestBody {
    /// The parameters, the last of a repeated name winning; 415 for any other media type.
    static func parameters(of request: HTTPRequest) throws(ZISError) -> [String: String] {
        let contentType = request.headers["Content-Type"]
        guard JSONRequestBody.isMediaType("application/x-www-form-urlencoded", contentType) else {
            guard JSONRequestBody.isJSONMediaType(contentType) else { throw unsupportedMediaType }
            return try JSONRequestBody.fields(of: request).textMembers
        }
        guard let pairs = FormEncoding.pairs(request.body) else { throw .invalidRequest("The form body has an invalid percent-encoding") }
        return Dictionary(pairs, uniquingKeysWith: { $1 })
    }

    static let unsupportedMediaType = ZISError(
        status: 415, detail: "Content-Type must be application/x-www-form-urlencoded or application/json")

    /// `POST /oauth/tokens`: the parameters and a Basic client authentication, if any.
    static func tokenRequest(of request: HTTPRequest) throws(ZISError) -> TokenRequest {
        var basic: (user: String, password: String)?
        if case .basic(let user?, let password?) = Credentials(authorizationHeader: request.headers["Authorization"]) {
            basic = (user, password)
        }
        return try TokenRequest(parameters: try parameters(of: request), basic: basic)
    }
}
