/// A complete, decoded request. A class: it is handed through the middleware into the journal's
/// exchange and the handler, and a reference is one retain where a struct of ten fields was ten.
package final class HTTPRequest: Sendable {
    package let method: String
    package let target: RawTarget
    /// The path as sent, still percent-encoded, without the query.
    package var rawPath: String { target.path }
    /// Path segments between slashes, percent-decoded: `/a/b%20c` → `a`, `b c`.
    package let path: RequestPath
    /// The path's `PathMemo` when the client repeated the target.
    package let pathMemo: PathMemo?
    /// The same as strings, `["a", "b c"]`: for what is not on every request's way (fault matching, tests).
    package var pathSegments: [String] { path.segments }
    /// Query parameters in order, percent-decoded: `page%5Bsize%5D=10` → `("page[size]", "10")`.
    package let query: [(name: String, value: String)]
    /// The query as sent, without `?`.
    package var rawQuery: String { target.query }
    package let version: HTTPVersion
    package let headers: HTTPHeaders
    package let body: [UInt8]
    /// Arrived over TLS: URLs built for the client use `https`.
    package let isSecure: Bool
    /// The client's address, `127.0.0.1:53211` or `[::1]:53211`, for logs and the journal.
    package let remoteAddress: String?

    package init(
        method: String, target: RawTarget, path: RequestPath, query: [(name: String, value: String)],
        version: HTTPVersion = .http11, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [],
        isSecure: Bool = false, remoteAddress: String? = nil, pathMemo: PathMemo? = nil
    ) {
        self.method = method
        self.target = target
        self.pathMemo = pathMemo
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
        self.isSecure = isSecure
        self.remoteAddress = remoteAddress
    }
}
