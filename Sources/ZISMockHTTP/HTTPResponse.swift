/// A response to send. The body is shared, not copied: cached rendered pages go out as they are.
package struct HTTPResponse: Sendable {
    package var status: Int
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]
    /// Close the connection once this response is written.
    package var closesConnection: Bool
    /// Send this response no sooner than this many milliseconds from now, without holding up other
    /// connections; later pipelined responses wait behind it (fault injection).
    package var delayMilliseconds = 0
    /// Break the exchange on purpose instead of answering normally (fault injection).
    package var misbehaviour: Misbehaviour?

    package enum Misbehaviour: Sendable, Equatable {
        /// Close the connection without answering.
        case drop
        /// Abort the connection with a TCP reset, without answering.
        case reset
        /// Announce the whole body in `Content-Length`, send half of it, then close.
        case truncateBody
    }

    package init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], closesConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.closesConnection = closesConnection
    }

    /// No answer at all: the connection is dropped or reset instead (fault injection).
    package static func unanswered(_ misbehaviour: Misbehaviour) -> HTTPResponse {
        var response = HTTPResponse(status: 500)
        response.misbehaviour = misbehaviour
        return response
    }

    /// The type every zis-mock response carries (spec §1).
    package static let jsonContentType = (name: "Content-Type", value: "application/json; charset=utf-8")

    private static let jsonHeaders = [jsonContentType]

    package static func json(_ status: Int, _ body: [UInt8], headers: [(name: String, value: String)] = []) -> HTTPResponse {
        // The shared one-element array avoids an allocation per response on the hot path.
        HTTPResponse(status: status, headers: headers.isEmpty ? jsonHeaders : jsonHeaders + headers, body: body)
    }
}
