/// A complete, decoded request.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The path as sent, still percent-encoded, without the query.
    public var rawPath: String
    /// Path segments between slashes, percent-decoded: `/a/b%20c` → `["a", "b c"]`.
    public var pathSegments: [String]
    /// Query parameters in order, percent-decoded: `page%5Bsize%5D=10` → `("page[size]", "10")`.
    public var query: [(name: String, value: String)]
    public var rawQuery: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Arrived over TLS: URLs built for the client use `https`.
    public var isSecure: Bool
    /// The client's address, `127.0.0.1:53211` or `[::1]:53211`, for logs and the journal.
    public var remoteAddress: String?

    public init(
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
