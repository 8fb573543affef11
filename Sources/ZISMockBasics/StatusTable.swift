/// One status the mock can answer with: the reason phrase of its status line (RFC 9110 §15) and,
/// for errors, the Zendesk envelope's `code` and `title` when nothing more specific is said
/// (spec §1). The two names differ on purpose where Zendesk's do: 401's title is Zendesk's
/// "Authentication failed" [doc], and 413 and 422 keep the envelope names the mock has always
/// answered with, while their status lines use RFC 9110's newer phrases.
package struct StatusRow: Sendable {
    package let status: Int
    package let reason: String
    /// nil for a status that is not an error (1xx–3xx).
    package let error: (code: String, title: String)?
}

/// Every status the mock answers with, once, for the HTTP layer's status lines, the domain's
/// errors and injected faults alike.
package enum StatusTable {
    package static let rows: [StatusRow] = [
        StatusRow(status: 100, reason: "Continue", error: nil),
        StatusRow(status: 200, reason: "OK", error: nil),
        StatusRow(status: 201, reason: "Created", error: nil),
        StatusRow(status: 204, reason: "No Content", error: nil),
        StatusRow(status: 302, reason: "Found", error: nil),
        StatusRow(status: 304, reason: "Not Modified", error: nil),
        StatusRow(status: 400, reason: "Bad Request", error: ("BadRequest", "Bad Request")),
        StatusRow(status: 401, reason: "Unauthorized", error: ("InvalidCredentials", "Authentication failed")),
        StatusRow(status: 403, reason: "Forbidden", error: ("Forbidden", "Forbidden")),
        StatusRow(status: 404, reason: "Not Found", error: ("NotFound", "Not Found")),
        StatusRow(status: 405, reason: "Method Not Allowed", error: ("MethodNotAllowed", "Method Not Allowed")),
        StatusRow(status: 408, reason: "Request Timeout", error: ("RequestTimeout", "Request Timeout")),
        StatusRow(status: 409, reason: "Conflict", error: ("Conflict", "Conflict")),
        StatusRow(status: 413, reason: "Content Too Large", error: ("PayloadTooLarge", "Payload Too Large")),
        StatusRow(status: 414, reason: "URI Too Long", error: ("URITooLong", "URI Too Long")),
        StatusRow(status: 415, reason: "Unsupported Media Type", error: ("UnsupportedMediaType", "Unsupported Media Type")),
        StatusRow(status: 417, reason: "Expectation Failed", error: ("ExpectationFailed", "Expectation Failed")),
        StatusRow(status: 422, reason: "Unprocessable Content", error: ("UnprocessableEntity", "Unprocessable Entity")),
        StatusRow(status: 429, reason: "Too Many Requests", error: ("TooManyRequests", "Too many requests")),
        StatusRow(
            status: 431, reason: "Request Header Fields Too Large",
            error: ("RequestHeaderFieldsTooLarge", "Request Header Fields Too Large")),
        StatusRow(status: 500, reason: "Internal Server Error", error: ("InternalServerError", "Internal Server Error")),
        StatusRow(status: 501, reason: "Not Implemented", error: ("NotImplemented", "Not Implemented")),
        StatusRow(status: 502, reason: "Bad Gateway", error: ("BadGateway", "Bad Gateway")),
        StatusRow(status: 503, reason: "Service Unavailable", error: ("ServiceUnavailable", "Service Unavailable")),
        StatusRow(status: 504, reason: "Gateway Timeout", error: ("GatewayTimeout", "Gateway Timeout")),
        StatusRow(
            status: 505, reason: "HTTP Version Not Supported", error: ("HTTPVersionNotSupported", "HTTP Version Not Supported")),
    ]

    /// The row of each status from 100 to 599 by `status - 100`, so a status line finds its
    /// reason with one index rather than a search (every response asks).
    private static let rowIndex: [Int8] = rows.enumerated().reduce(into: [Int8](repeating: -1, count: 500)) {
        $0[$1.element.status - 100] = Int8($1.offset)
    }

    package static func row(_ status: Int) -> StatusRow? {
        guard (100..<600).contains(status) else { return nil }
        let index = rowIndex[status - 100]
        return index < 0 ? nil : rows[Int(index)]
    }

    /// The reason phrase for the status line; `Status 299` for a status not in the table.
    package static func reason(_ status: Int) -> String {
        row(status)?.reason ?? "Status \(status)"
    }

    /// The envelope's `code` and `title` for an error status, or `ClientError`/`ServerError` by
    /// class for one not in the table [ours] (a fault may inject any status from 400 to 599).
    package static func error(_ status: Int) -> (code: String, title: String) {
        row(status)?.error ?? (status < 500 ? ("ClientError", "Client Error") : ("ServerError", "Server Error"))
    }
}
