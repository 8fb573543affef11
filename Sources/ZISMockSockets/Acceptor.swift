import Glibc

/// Accepts on the listener (loop 0 only) and deals sockets round-robin to the loops: measured the
/// steadiest balance here, where SO_REUSEPORT hashing and EPOLLEXCLUSIVE both skewed (socket-design.md §7).
final class Acceptor {
    let listener: Socket
    private let tls: TLSContext?
    private let loops: [EventLoop]
    private let liveConnections: LiveConnectionCount
    private let maxConnections: Int
    private var nextLoop = 0
    /// When descriptors ran out, accepting pauses instead of spinning on EMFILE.
    private(set) var retryAt: Int64?
    /// The per-wake accept budget was spent with clients possibly still queued.
    private(set) var hasBacklog = false

    init(listener: Socket, tls: TLSContext?, loops: [EventLoop], liveConnections: LiveConnectionCount, maxConnections: Int) {
        self.listener = listener
        self.tls = tls
        self.loops = loops
        self.liveConnections = liveConnections
        self.maxConnections = maxConnections
    }

    func acceptIfDue(now: Int64, loop: EventLoop) {
        if hasBacklog || retryAt.map({ now >= $0 }) == true { accept(now: now, loop: loop) }
    }

    func accept(now: Int64, loop: EventLoop) {
        retryAt = nil
        hasBacklog = false
        for _ in 0..<64 {
            switch listener.accept() {
            case .accepted(let socket):
                // Over the cap, close at once: the client fails fast instead of waiting in the backlog.
                guard liveConnections.increment(limit: maxConnections) else {
                    socket.close()
                    continue
                }
                socket.disableNagle()
                deal(socket, from: loop)
            case .wouldBlock:
                return
            case .failed(let code) where code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM:
                retryAt = now + 100
                return
            case .failed:
                continue  // ECONNABORTED and the like: that client is gone, the next may be fine
            }
        }
        hasBacklog = true
    }

    private func deal(_ socket: Socket, from loop: EventLoop) {
        let target = loops[nextLoop]
        nextLoop = (nextLoop + 1) % loops.count
        if target === loop { target.register(socket, tls: tls) } else { target.adopt(socket, tls: tls) }
    }
}
