import ZISMockSockets

/// One `HTTPConnection` as the server makes it, fed bytes directly instead of from a socket, for
/// the micro-benchmarks package (`Benchmarks/`, through `ZISMockServer.connectionDriver`). Behind
/// `@_spi(Benchmarks)` so this is not part of the library's public surface.
@_spi(Benchmarks)
public final class HTTPConnectionDriver {
    private let connection: HTTPConnection

    package init(responder: any HTTPResponder, limits: HTTPLimits = HTTPLimits()) {
        connection = HTTPConnection(
            responder: responder, limits: limits, resources: HTTPLoopResources(compressionThreshold: nil),
            context: ConnectionContext(loopIndex: 0, peer: nil, isSecure: false))
    }

    /// One read's worth of bytes in; whether the loop would then have anything to write.
    public func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var output = OutputQueue()
        _ = connection.received(bytes, output: &output)
        return !output.isEmpty
    }
}

/// The head parser for the micro-benchmarks, behind the same SPI.
@_spi(Benchmarks)
public enum HeadParserDriver {
    /// Parses one request head; whether it was a complete, valid one.
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if case .complete = HTTPHeadParser.parse(bytes, limits: HTTPLimits()) { return true }
        return false
    }
}
