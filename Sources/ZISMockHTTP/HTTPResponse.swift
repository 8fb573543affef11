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

    public static func json(_ status: Int, _ body: [UInt8], headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [jsonContentType] + headers, body: body)
    }
}
