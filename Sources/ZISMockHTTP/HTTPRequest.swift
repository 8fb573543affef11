/// A complete, decoded request.
package struct HTTPRequest: Sendable {
    package var method: String
    /// The path as sent, still percent-encoded, without the query.
    package var rawPath: String
    /// Path segments between slashes, percent-decoded: `/a/b%20c` → `["a", "b c"]`.
    package var pathSegments: [String]
    /// Query parameters in order, percent-decoded: `page%5Bsize%5D=10` → `("page[size]", "10")`.
    package var query: [(name: String, value: String)]
    package var rawQuery: String
    package var version: HTTPVersion
    package var headers: HTTPHeaders
    package var body: [UInt8]
    /// Arrived over TLS: URLs built for the client use `https`.
    package var isSecure: Bool
    /// The client's address, `127.0.0.1:53211` or `[::1]:53211`, for logs and the journal.
    package var remoteAddress: String?

    package init(
        method: String, rawPath: String, pathSegments: [String], query: [(name: String, value: String)],
        rawQuery: String = "", version: HTTPVersion = .http11, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [],
        isSecure: Bool = false, remoteAddress: String? = nil
    ) {
        self.method = method
        self.rawPath = rawPath
        self.pathSegments = pathSegments
        self.query = query
        self.rawQuery = rawQuery
        self.version = version
        self.headers = headers
        self.body = body
        self.isSecure = isSecure
        self.remoteAddress = remoteAddress
    }
}
