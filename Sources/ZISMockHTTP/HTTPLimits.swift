/// Hard limits on what a client may send; anything over gets a 4xx and the connection closes.
public struct HTTPLimits: Sendable {
    /// Request line (method, target, version) in bytes; over it: 414.
    public var maxRequestLineBytes = 8 * 1024
    /// All header lines together in bytes; over it: 431.
    public var maxHeaderBytes = 16 * 1024
    /// Header fields; over it: 431.
    public var maxHeaderCount = 100
    /// Request body in bytes (after de-chunking); over it: 413, answered before the body is read.
    public var maxBodyBytes = 1024 * 1024

    public init() {}
}
