import ZISMockLocking

/// A TCP server: a listener and one epoll loop per core, each on its own thread, calling a
/// `ConnectionHandler` per connection. It knows nothing of what the bytes mean.
public final class SocketServer: Sendable {
    /// Where the server listens; with port 0 in the configuration, the port the kernel chose.
    public let localAddress: SocketAddress
    private let loops: [EventLoop]
    private let liveConnections: LiveConnectionCount
    private let threads: Locked<[LoopThread]>

    /// Binds, then starts the loops. Throws before anything runs if the address cannot be bound.
    public static func start(
        _ configuration: SocketServerConfiguration,
        makeHandler: @escaping @Sendable (ConnectionContext) -> ConnectionHandler
    ) throws(SocketError) -> SocketServer {
        let listener = try Socket.listening(on: configuration.address, backlog: configuration.backlog)
        do throws(SocketError) {
            let address = try listener.localAddress()
            let live = LiveConnectionCount()
            var loops: [EventLoop] = []
            for index in 0..<max(1, configuration.loopCount) {
                loops.append(try EventLoop(index: index, configuration: configuration, liveConnections: live, makeHandler: makeHandler))
            }
            try loops[0].own(Acceptor(listener: listener, loops: loops, liveConnections: live, maxConnections: configuration.maxConnections))
            let server = SocketServer(localAddress: address, loops: loops, liveConnections: live)
            try server.startThreads()
            return server
        } catch {
            listener.close()
            throw error
        }
    }

    private init(localAddress: SocketAddress, loops: [EventLoop], liveConnections: LiveConnectionCount) {
        self.localAddress = localAddress
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
    public var connectionCount: Int { liveConnections.value }

    /// Stops accepting, lets in-flight requests finish within the grace period, closes every
    /// connection and returns when all loops have ended. Safe to call more than once, from any
    /// thread but a loop's own.
    public func stop() {
        let running = threads.withLock { threads in
            defer { threads = [] }
            return threads
        }
        guard !running.isEmpty else { return }
        for loop in loops { loop.requestStop() }
        for thread in running { thread.join() }
    }
}
