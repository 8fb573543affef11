import ZISMockSockets

/// Sockets plus HTTP limits: the whole configuration of the HTTP server as one value.
package struct HTTPServerConfiguration: Sendable {
    package var sockets: SocketServerConfiguration
    package var limits = HTTPLimits()
    /// Bodies at least this large are gzipped for clients that accept it; nil turns compression off.
    package var compressionThreshold: Int? = Self.defaultCompressionThreshold
    /// Named so `ZISMockConfiguration` offers the same default without repeating it.
    package static let defaultCompressionThreshold = 1024

    package init(sockets: SocketServerConfiguration) {
        self.sockets = sockets
    }
}

/// An HTTP/1.1 server: the socket layer's loops, an `HTTPConnection` per connection, one responder.
package final class HTTPServer: Sendable {
    private let sockets: SocketServer

    package static func start(_ configuration: HTTPServerConfiguration, responder: any HTTPResponder) throws(SocketError) -> HTTPServer {
        let limits = configuration.limits
        let resources = PerLoop(count: configuration.sockets.loopCount) {
            HTTPLoopResources(compressionThreshold: configuration.compressionThreshold)
        }
        let sockets = try SocketServer.start(configuration.sockets) { context in
            HTTPConnection(responder: responder, limits: limits, resources: resources[context.loopIndex], context: context)
        }
        return HTTPServer(sockets: sockets)
    }

    private init(sockets: SocketServer) {
        self.sockets = sockets
    }

    package var localAddress: SocketAddress { sockets.localAddress }

    /// One address per configured listener, in order.
    package var localAddresses: [SocketAddress] { sockets.localAddresses }

    package var connectionCount: Int { sockets.connectionCount }

    /// Stops accepting, finishes in-flight requests within the grace period, then returns.
    package func stop() {
        sockets.stop()
    }
}

/// What the connections of one event loop share, touched only on that loop's thread.
final class HTTPLoopResources {
    let dates = HTTPDateCache()
    let heads = ResponseHeadMemo()
    let compression: ResponseCompression?

    init(compressionThreshold: Int?) {
        compression = compressionThreshold.map(ResponseCompression.init(threshold:))
    }
}

/// One value per event loop, each touched only by handlers on that loop's thread.
final class PerLoop<Value>: @unchecked Sendable {
    private let values: [Value]

    init(count: Int, make: () -> Value) {
        values = (0..<max(1, count)).map { _ in make() }
    }

    subscript(loop: Int) -> Value { values[loop] }
}
