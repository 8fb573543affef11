/// A parsed request line and header block, with the body framing and connection rules derived from them.
package struct HTTPRequestHead: Sendable {
    package var method: String
    /// The request target exactly as sent.
    package var target: String
    package var version: HTTPVersion
    package var headers: HTTPHeaders
    package var bodyFraming: BodyFraming
    /// HTTP/1.1 unless `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    package var keepAlive: Bool
    package var expectsContinue: Bool

    package enum BodyFraming: Sendable, Equatable {
        case none
        case length(Int)
        case chunked
    }
}
