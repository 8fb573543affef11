/// A response to send. The body is shared, not copied: cached rendered pages go out as they are.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Close the connection once this response is written.
    public var closesConnection: Bool

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], closesConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.closesConnection = closesConnection
    }

    /// The type every zis-mock response carries (spec §1).
    public static let jsonContentType = (name: "Content-Type", value: "application/json; charset=utf-8")

    private static let jsonHeaders = [jsonContentType]

    public static func json(_ status: Int, _ body: [UInt8], headers: [(name: String, value: String)] = []) -> HTTPResponse {
        // The shared one-element array avoids an allocation per response on the hot path.
        HTTPResponse(status: status, headers: headers.isEmpty ? jsonHeaders : jsonHeaders + headers, body: body)
    }
}
