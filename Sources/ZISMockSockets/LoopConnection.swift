/// One accepted connection as its event loop sees it. Touched only on the owning loop's thread.
final class LoopConnection {
    let socket: Socket
    let transport: Transport
    let handler: ConnectionHandler
    /// TLS connections start here; the request timeout bounds how long a handshake may take.
    var isHandshaking: Bool
    /// Unchecked: the connection is confined to its loop's thread and the loop never lends the
    /// queue out twice, and the runtime's exclusivity check cost about 200 instructions a request.
    @exclusivity(unchecked) var output = OutputQueue()
    /// Edge-triggered epoll reports readiness once: until a read says "would block" there may be more.
    var mayHaveInput = true
    var closingAfterWrite = false
    /// Close with SO_LINGER 0, so the peer sees a reset rather than an orderly end.
    var resetOnClose = false
    /// Set while queued output waits for a hold (a delayed response) to end.
    var heldUntil: Int64?
    var isClosed = false
    var isQueuedToRunAgain = false
    var lastActivity: Int64
    /// Set while a request is partly received, for the request (slowloris) timeout.
    var requestStartedAt: Int64?
    /// Set while output waits for the client to read, for the write timeout.
    var blockedSince: Int64?

    init(socket: Socket, transport: Transport, handler: ConnectionHandler, now: Int64) {
        self.socket = socket
        self.transport = transport
        self.handler = handler
        self.lastActivity = now
        if case .tls = transport {
            isHandshaking = true
            requestStartedAt = now
        } else {
            isHandshaking = false
        }
    }

    /// Nothing received half-way and nothing left to send: safe to close on shutdown.
    var isIdle: Bool { output.isEmpty && !handler.isMidRequest && !isHandshaking }

    enum Expiry { case write, request, idle }

    func expiry(now: Int64, configuration: SocketServerConfiguration) -> Expiry? {
        if let since = blockedSince { return now - since > configuration.writeTimeoutMilliseconds ? .write : nil }
        if let started = requestStartedAt { return now - started > configuration.requestTimeoutMilliseconds ? .request : nil }
        return now - lastActivity > configuration.idleTimeoutMilliseconds ? .idle : nil
    }

    /// Called once a sweep. With the server's own queue empty, bytes the kernel still holds for the
    /// peer count as blocked output too: the send buffer grows up to tcp_wmem's maximum (4 MB by
    /// default), so a reader that takes nothing (slowhttptest -X) can leave whole answers there
    /// without a write ever failing, and the write timeout would never start.
    func noteUnacknowledgedOutput(now: Int64) {
        guard output.isEmpty, heldUntil == nil else { return }
        blockedSince = socket.unacknowledgedByteCount > 0 ? (blockedSince ?? now) : nil
    }
}
