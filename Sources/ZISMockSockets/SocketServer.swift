import ZISMockLocking

/// A TCP server: a listener and one epoll loop per core, each on its own thread, calling a
/// `ConnectionHandler` per connection. It knows nothing of what the bytes mean.
package final class SocketServer: Sendable {
    /// Where the server listens, one address per configured listener, in order; with port 0 in
    /// the configuration, the port the kernel chose.
    package let localAddresses: [SocketAddress]
    private let loops: [EventLoop]
    private let liveConnections: LiveConnectionCount
    private let threads: Locked<[LoopThread]>

    /// The first listener's address.
    package var localAddress: SocketAddress { localAddresses[0] }

    /// Binds every listener, then starts the loops. Throws before anything runs if an address cannot be bound.
    package static func start(
        _ configuration: SocketServerConfiguration,
        makeHandler: @escaping @Sendable (ConnectionContext) -> ConnectionHandler
    ) throws(SocketError) -> SocketServer {
        precondition(!configuration.listeners.isEmpty, "a server needs a listener")
        var listeners: [Socket] = []
        do throws(SocketError) {
            for listener in configuration.listeners {
                listeners.append(try Socket.listening(on: listener.address, backlog: configuration.backlog))
            }
            let addresses = try listeners.map { socket throws(SocketError) in try socket.localAddress() }
            let live = LiveConnectionCount()
            var loops: [EventLoop] = []
            for index in 0..<max(1, configuration.loopCount) {
                loops.append(try EventLoop(index: index, configuration: configuration, liveConnections: live, makeHandler: makeHandler))
            }
            for (socket, listener) in zip(listeners, configuration.listeners) {
                try loops[0].own(Acceptor(
                    listener: socket, tls: listener.tls, loops: loops, liveConnections: live,
                    maxConnections: configuration.maxConnections))
            }
            let server = SocketServer(localAddresses: addresses, loops: loops, liveConnections: live)
            try server.startThreads()
            return server
        } catch {
            listeners.forEach { $0.close() }
            throw error
        }
    }

    private init(localAddresses: [SocketAddress], loops: [EventLoop], liveConnections: LiveConnectionCount) {
        self.localAddresses = localAddresses
        self.loops = loops
        self.liveConnections = liveConnections
        self.threads = Locked([])
    }

    private func startThreads() throws(SocketError) {
        var started: [LoopThread] = []
        for loop in loops {
            do throws(SocketError) {
                started.append(try LoopThread.start { loop.run() })
            } catch {
                threads.withLock { $0 = started }
                stop()
                throw error
            }
        }
        threads.withLock { $0 = started }
    }

    /// Connections open right now, across all loops.
    package var connectionCount: Int { liveConnections.value }

    /// Stops accepting, lets in-flight requests finish within the grace period, closes every
    /// connection and returns when all loops have ended. Safe to call more than once, from any
    /// thread but a loop's own.
    package func stop() {
        let running = threads.withLock { threads in
            defer { threads = [] }
            return threads
        }
        guard !running.isEmpty else { return }
        for loop in loops { loop.requestStop() }
        for thread in running { thread.join() }
    }
}
