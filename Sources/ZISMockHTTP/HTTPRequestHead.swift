/// A parsed request line and header block, with the body framing and connection rules derived from them.
public struct HTTPRequestHead: Sendable {
    public var method: String
    /// The request target exactly as sent.
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var bodyFraming: BodyFraming
    /// HTTP/1.1 unless `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool
    public var expectsContinue: Bool

    public enum BodyFraming: Sendable, Equatable {
        case none
        case length(Int)
        case chunked
    }
}
