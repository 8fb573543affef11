import ZISMockSockets

/// One `HTTPConnection` as the server makes it, fed bytes directly instead of from a socket, for
/// the micro-benchmarks package (`Benchmarks/`), which sees only public API. Behind
/// `@_spi(Benchmarks)` so this is not part of the library's public surface.
@_spi(Benchmarks)
public final class HTTPConnectionDriver {
    private let connection: HTTPConnection

    public init(responder: any HTTPResponder, limits: HTTPLimits = HTTPLimits()) {
        connection = HTTPConnection(
            responder: responder, limits: limits, resources: HTTPLoopResources(compressionThreshold: nil),
            context: ConnectionContext(loopIndex: 0, peer: nil, isSecure: false))
    }

    /// One read's worth of bytes in; what the loop would then write (head and body, per response) out.
    public func receive(_ bytes: UnsafeRawBufferPointer) -> OutputQueue {
        var output = OutputQueue()
        _ = connection.received(bytes, output: &output)
        return output
    }
}
