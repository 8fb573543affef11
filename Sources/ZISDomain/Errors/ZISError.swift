import ZISMockBasics

/// Every error the mock answers with, as a value: status, Zendesk `code`/`title`, optional
/// `detail`, and any extra headers. One renderer in the routing layer (`HTTPResponse(_:)`)
/// produces the Zendesk envelope (spec §1), so no other place writes error JSON.
public struct ZISError: Error, Sendable, Equatable {
    public let status: Int
    public var code: String { texts.code }
    public var title: String { texts.title }
    public var detail: String? { texts.detail }
    public var headers: [HeaderField] { texts.headers }
    /// One reference for the four, since an error is copied as it is thrown and rendered: a
    /// refused request copied each of them twice.
    private let texts: Texts

    private final class Texts: Sendable {
        let code: String
        let title: String
        let detail: String?
        let headers: [HeaderField]

        init(code: String, title: String, detail: String?, headers: [HeaderField]) {
            (self.code, self.title, self.detail, self.headers) = (code, title, detail, headers)
        }
    }

    public static func == (left: ZISError, right: ZISError) -> Bool {
        left.status == right.status && (left.texts === right.texts || (
            left.code == right.code && left.title == right.title && left.detail == right.detail && left.headers == right.headers))
    }

    /// An error whose `code` and `title` are the status's own, from the one status table.
    public init(status: Int, detail: String? = nil, headers: [HeaderField] = []) {
        let names = StatusTable.error(status)
        self.init(status: status, code: names.code, title: names.title, detail: detail, headers: headers)
    }

    public init(status: Int, code: String, title: String, detail: String? = nil, headers: [HeaderField] = []) {
        self.status = status
        texts = Texts(code: code, title: title, detail: detail, headers: headers)
    }
}

// MARK: - Authentication and authorization (spec §2, in decision order)

extension ZISError {
    /// No `Authorization` header, an empty one, or a scheme other than Bearer/Basic; also an unknown token.
    public static let invalidCredentials = ZISError(status: 401, code: "InvalidCredentials", title: "Authentication failed")

    /// Zendesk API-token (Basic) credentials are refused by ZIS endpoints [field].
    public static let apiTokenNotSupported = ZISError(status: 403, code: "Forbidden", title: "API token is not supported")

    public static let invalidTokenLength = ZISError(status: 401, code: "InvalidCredentials", title: "Token length is invalid")

    /// The token belongs to another integration, or the path names an integration that does not exist.
    public static let integrationMismatch = ZISError(
        status: 401, code: "InvalidCredentials", title: "Authorization failed due to integration mismatch")

    /// An admin endpoint (Registry, Zendesk OAuth API) without an admin's valid credentials.
    public static let adminAuthenticationFailed = ZISError(
        status: 401, code: "InvalidCredentials", title: "Couldn't authenticate you",
        headers: [HeaderField(name: "WWW-Authenticate", value: "Basic realm=\"Web Password\"")])

    /// A browser-session request that changes state without the session's `X-CSRF-Token` [ours: wording].
    public static let invalidCSRFToken = ZISError(
        status: 403, code: invalidCSRFTokenCode, title: "Forbidden", detail: "X-CSRF-Token is missing or does not match the session")
    private static let invalidCSRFTokenCode = "InvalidCSRFToken"

    /// Whether this is `invalidCSRFToken`, told by its code: comparing with the static value
    /// copied it (five references) for every error answered.
    public var isInvalidCSRFToken: Bool { status == 403 && code == Self.invalidCSRFTokenCode }

    public static func missingScope(_ scope: Scope) -> ZISError {
        ZISError(status: 403, code: "Forbidden", title: "Cannot access this resource. Missing scope \(scope.rawValue)")
    }

    public static func tooManyRequests(retryAfterSeconds: Int) -> ZISError {
        ZISError(
            status: 429, code: "TooManyRequests", title: "Too many requests",
            headers: [HeaderField(name: "Retry-After", value: String(retryAfterSeconds))])
    }
}

// MARK: - Request validation (spec §3, §4)

extension ZISError {
    /// `parameter` is the query key as the client wrote it after decoding, e.g. `page[size]`.
    public static func invalidPagination(parameter: String) -> ZISError {
        ZISError(status: 400, code: "InvalidPaginationParameter", title: "\(parameter) is not valid")
    }

    /// A request the mock understood but refuses; `detail` names the field (spec §4).
    public static func badRequest(detail: String) -> ZISError {
        ZISError(status: 400, detail: detail)
    }

    /// A connection name already used by any connection type of the integration (spec §4: 409 [field]).
    public static func conflict(detail: String) -> ZISError {
        ZISError(status: 409, detail: detail)
    }
}

// MARK: - Routing and malformed HTTP (spec §1: same envelope everywhere). Codes are [ours].

extension ZISError {
    public static func notFound(detail: String? = nil) -> ZISError {
        ZISError(status: 404, detail: detail)
    }

    /// `allow` lists the methods the path does support, for the `Allow` header.
    public static func methodNotAllowed(allow: [String]) -> ZISError {
        ZISError(status: 405, headers: [HeaderField(name: "Allow", value: allow.joined(separator: ", "))])
    }

    public static let requestTimeout = ZISError(status: 408)

    public static let payloadTooLarge = ZISError(status: 413)

    public static let uriTooLong = ZISError(status: 414)

    public static let unsupportedMediaType = ZISError(status: 415, detail: "Content-Type must be application/json")

    public static let headersTooLarge = ZISError(status: 431)

    public static let internalServerError = ZISError(status: 500)

    public static let notImplemented = ZISError(status: 501)

    public static let httpVersionNotSupported = ZISError(status: 505)
}
