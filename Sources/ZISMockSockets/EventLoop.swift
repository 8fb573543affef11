import CSystemShim
import Glibc
import Synchronization
import ZISMockBasics
import ZISMockLocking

/// One edge-triggered epoll loop on its own thread (socket-design.md: one per core, 1.3× nginx).
/// Each connection is registered once for input, output and peer hang-up and never modified.
/// Loop 0 also owns the listener and deals accepted sockets to all loops in turn.
///
/// Thread confinement: everything but `inbox` and `stopRequested` is touched only on the loop's thread.
final class EventLoop: @unchecked Sendable {
    let index: Int
    private let configuration: SocketServerConfiguration
    private let makeHandler: @Sendable (ConnectionContext) -> ConnectionHandler
    private let liveConnections: LiveConnectionCount
    private let epoll: Int32
    private let wakeEvent: Int32
    private let inbox = Locked<[(Socket, TLSContext?)]>([])
    private let stopRequested = Atomic<Bool>(false)

    /// Unchecked exclusivity: read on every event, on the loop's thread only.
    @exclusivity(unchecked) private var connections = ConnectionTable()
    // Unchecked exclusivity: touched only on the loop's thread, never while lent out (the checks
    // ran on every turn of the loop).
    @exclusivity(unchecked) private var runAgain: [LoopConnection] = []
    /// Connections whose output waits for a hold to end; few, so a list is enough.
    @exclusivity(unchecked) private var held: [LoopConnection] = []
    private let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Tuning.readBufferBytes, alignment: 16)
    private var now = MockClock.system.monotonicMilliseconds()
    private var draining = false
    private var drainDeadline: Int64 = 0
    /// Unchecked exclusivity: read on every turn of the loop, on its thread only.
    @exclusivity(unchecked) private var acceptors: [Acceptor] = []

    /// The loop's fixed working sizes and periods, internal to how it runs rather than settings.
    private enum Tuning {
        /// One read takes up to this much; a short read means the socket is drained.
        static let readBufferBytes = 64 * 1024
        /// Events taken from one epoll_wait.
        static let eventsPerWait = 256
        /// How often timed-out connections (request, idle, write timeouts) are looked for.
        static let sweepIntervalMilliseconds: Int64 = 1000
        /// While draining on stop, how often the loop checks whether in-flight requests are done.
        static let drainCheckMilliseconds: Int64 = 10
        /// Reads one connection may do before the other ready ones get a turn (fairness).
        static let readsPerTurn = 16
    }

    init(
        index: Int, configuration: SocketServerConfiguration, liveConnections: LiveConnectionCount,
        makeHandler: @escaping @Sendable (ConnectionContext) -> ConnectionHandler
    ) throws(SocketError) {
        self.index = index
        self.configuration = configuration
        self.liveConnections = liveConnections
        self.makeHandler = makeHandler
        epoll = zm_epoll_create()
        guard epoll >= 0 else { throw SocketError("epoll_create1") }
        wakeEvent = zm_eventfd()
        // Every stored property is set now, so a throw still runs deinit, which closes epoll.
        guard wakeEvent >= 0 else { throw SocketError("eventfd") }
        guard zm_epoll_add(epoll, wakeEvent, zm_EPOLLIN | zm_EPOLLET, UInt64(wakeEvent)) == 0 else {
            throw SocketError("epoll_ctl(eventfd)")
        }
    }

    deinit {
        readBuffer.deallocate()
        if wakeEvent >= 0 { Glibc.close(wakeEvent) }
        Glibc.close(epoll)
    }

    /// Makes this loop accept on the acceptor's listener; must be called before `run`.
    func own(_ acceptor: Acceptor) throws(SocketError) {
        // Read readiness only: waiting for write readiness on a listener pins a core (FlyingFox's lesson).
        guard zm_epoll_add(epoll, acceptor.listener.descriptor, zm_EPOLLIN | zm_EPOLLET,
                           UInt64(acceptor.listener.descriptor)) == 0 else { throw SocketError("epoll_ctl(listener)") }
        acceptors.append(acceptor)
    }

    // MARK: Called from other threads

    /// Hands an accepted socket to this loop; the loop makes its handler on its own thread.
    func adopt(_ socket: Socket, tls: TLSContext?) {
        inbox.withLock { $0.append((socket, tls)) }
        _ = zm_eventfd_signal(wakeEvent)
    }

    func requestStop() {
        stopRequested.store(true, ordering: .releasing)
        _ = zm_eventfd_signal(wakeEvent)
    }

    // MARK: The loop

    func run() {
        let capacity = Tuning.eventsPerWait
        var tokens = [UInt64](repeating: 0, count: capacity)
        var events = [UInt32](repeating: 0, count: capacity)
        var nextSweep = now + Tuning.sweepIntervalMilliseconds
        while true {
            let count = zm_epoll_wait(epoll, &tokens, &events, Int32(capacity), waitTimeout(until: nextSweep))
            now = MockClock.system.monotonicMilliseconds()
            if count > 0 {
                for event in 0..<Int(count) { dispatch(token: tokens[event], events: events[event]) }
            }
            serviceRunAgain()
            releaseHeld()
            for acceptor in acceptors { acceptor.acceptIfDue(now: now, loop: self) }
            if now >= nextSweep {
                closeExpiredConnections()
                nextSweep = now + Tuning.sweepIntervalMilliseconds
            }
            if draining, finishDrainStep() { break }
        }
        for connection in Array(connections.values) { close(connection) }
    }

    private func waitTimeout(until nextSweep: Int64) -> Int32 {
        if !runAgain.isEmpty || acceptors.contains(where: \.hasBacklog) { return 0 }
        var deadline = nextSweep
        // Loops, not `map`: this runs on every turn of the loop, and a map allocates an array.
        for acceptor in acceptors { if let retry = acceptor.retryAt { deadline = min(deadline, retry) } }
        for connection in held { if let until = connection.heldUntil { deadline = min(deadline, until) } }
        if draining { deadline = min(deadline, now + Tuning.drainCheckMilliseconds) }
        return Int32(clamping: max(0, deadline - now))
    }

    private func dispatch(token: UInt64, events: UInt32) {
        let descriptor = Int32(truncatingIfNeeded: token)
        if descriptor == wakeEvent {
            _ = zm_eventfd_drain(wakeEvent)
            adoptInbox()
            if stopRequested.load(ordering: .acquiring), !draining { beginDraining() }
            return
        }
        if let acceptor = acceptors.first(where: { $0.listener.descriptor == descriptor }) {
            acceptor.accept(now: now, loop: self)
            return
        }
        guard let connection = connections[descriptor] else { return }
        if events & zm_EPOLLOUT != 0, connection.blockedSince != nil {
            connection.blockedSince = now  // the client took some bytes: that is progress
        }
        // A short read means the socket is drained unless the peer also hung up, which needs one more read.
        let peerHungUp = events & (zm_EPOLLRDHUP | zm_EPOLLHUP | zm_EPOLLERR) != 0
        if events & zm_EPOLLIN != 0 || peerHungUp { connection.mayHaveInput = true }
        service(connection, shortReadDrains: !peerHungUp)
    }

    private func adoptInbox() {
        let arrivals = inbox.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        for (socket, tls) in arrivals { register(socket, tls: tls) }
    }

    func register(_ socket: Socket, tls: TLSContext?) {
        if draining {
            close(socket)
            return
        }
        var transport = Transport.plain(socket)
        if let tls {
            guard let session = TLSSession(context: tls, socket: socket) else {
                close(socket)
                return
            }
            transport = .tls(session)
        }
        let handler = makeHandler(ConnectionContext(loopIndex: index, peer: socket.peerAddress(), isSecure: tls != nil))
        let connection = LoopConnection(socket: socket, transport: transport, handler: handler, now: now)
        let interest = zm_EPOLLIN | zm_EPOLLOUT | zm_EPOLLRDHUP | zm_EPOLLET
        guard zm_epoll_add(epoll, socket.descriptor, interest, UInt64(socket.descriptor)) == 0 else {
            close(socket)
            return
        }
        connections[socket.descriptor] = connection
    }

    // MARK: Reading and writing

    /// Reads what has arrived, feeds the handler and writes what it answers, until the socket would
    /// block, the output backs up (back-pressure: stop reading until the client catches up), or the
    /// read budget is spent (then the connection runs again after the other ready ones).
    private func service(_ connection: LoopConnection, shortReadDrains: Bool = true) {
        guard !connection.isClosed else { return }
        if connection.isHandshaking, !continueHandshake(connection) { return }
        if !connection.output.isEmpty, !flush(connection) { return }
        var budget = Tuning.readsPerTurn
        while connection.mayHaveInput, !connection.closingAfterWrite {
            if budget == 0 {
                scheduleRunAgain(connection)
                return
            }
            budget -= 1
            switch connection.transport.read(into: readBuffer) {
            case .bytes(let count):
                connection.lastActivity = now
                if shortReadDrains, connection.transport.shortReadMeansDrained, count < readBuffer.count {
                    connection.mayHaveInput = false
                }
                let received = UnsafeRawBufferPointer(rebasing: readBuffer[0..<count])
                switch connection.handler.received(received, output: &connection.output) {
                case .keepOpen: break
                case .closeAfterWriting: connection.closingAfterWrite = true
                case .resetAfterWriting:
                    connection.closingAfterWrite = true
                    connection.resetOnClose = true
                }
                connection.requestStartedAt = connection.handler.isMidRequest ? (connection.requestStartedAt ?? now) : nil
                if !connection.output.isEmpty, !flush(connection) { return }
            case .wouldBlock:
                connection.mayHaveInput = false
            case .endOfStream:
                connection.mayHaveInput = false
                connection.closingAfterWrite = true
            case .failed:
                close(connection)
                return
            }
        }
        if connection.closingAfterWrite || (draining && connection.isIdle) { close(connection) }
    }

    /// Returns true once the handshake is done; false while it waits for the peer or after it failed.
    private func continueHandshake(_ connection: LoopConnection) -> Bool {
        switch (connection.transport, connection.isHandshaking) {
        case (.tls(let session), true):
            switch session.handshake() {
            case .done:
                connection.isHandshaking = false
                connection.requestStartedAt = nil
                connection.lastActivity = now
                return true
            case .wouldBlock:
                return false
            case .failed:
                close(connection)
                return false
            }
        default:
            return true
        }
    }

    /// Returns true when everything queued went out.
    private func flush(_ connection: LoopConnection) -> Bool {
        switch connection.output.flush(to: connection.transport, now: now) {
        case .drained:
            connection.blockedSince = nil
            connection.lastActivity = now
            return true
        case .blocked:
            if connection.blockedSince == nil { connection.blockedSince = now }
            return false
        case .held(let until):
            connection.blockedSince = nil
            connection.lastActivity = now
            if connection.heldUntil == nil { held.append(connection) }
            connection.heldUntil = until
            return false
        case .failed:
            close(connection)
            return false
        }
    }

    private func scheduleRunAgain(_ connection: LoopConnection) {
        guard !connection.isQueuedToRunAgain else { return }
        connection.isQueuedToRunAgain = true
        runAgain.append(connection)
    }

    /// Services the connections whose hold has ended; the others stay on the list.
    private func releaseHeld() {
        guard !held.isEmpty else { return }
        let due = held.filter { $0.isClosed || ($0.heldUntil ?? 0) <= now }
        guard !due.isEmpty else { return }
        held.removeAll { $0.isClosed || ($0.heldUntil ?? 0) <= now }
        for connection in due {
            connection.heldUntil = nil
            service(connection)
        }
    }

    private func serviceRunAgain() {
        guard !runAgain.isEmpty else { return }
        let ready = runAgain
        runAgain.removeAll(keepingCapacity: true)
        for connection in ready {
            connection.isQueuedToRunAgain = false
            service(connection)
        }
    }

    // MARK: Closing

    private func close(_ connection: LoopConnection) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        connections[connection.socket.descriptor] = nil
        if connection.resetOnClose { connection.socket.reset() } else { connection.socket.close() }
        liveConnections.decrement()
    }

    /// Closing the descriptor also removes it from epoll: it is never duplicated.
    private func close(_ socket: Socket) {
        socket.close()
        liveConnections.decrement()
    }

    private func closeExpiredConnections() {
        for connection in connections.values {
            connection.noteUnacknowledgedOutput(now: now)
            guard let expiry = connection.expiry(now: now, configuration: configuration) else { continue }
            // A peer that stopped reading gets a reset, so the kernel drops what it still holds for
            // it at once instead of retrying into a closed window for minutes.
            if expiry == .write { connection.resetOnClose = true }
            close(connection)
        }
    }

    private func beginDraining() {
        draining = true
        drainDeadline = now + configuration.shutdownGraceMilliseconds
        for acceptor in acceptors {
            _ = zm_epoll_delete(epoll, acceptor.listener.descriptor)
            acceptor.listener.close()
        }
        acceptors = []  // also breaks the acceptor → loops → acceptor cycle
    }

    /// Closes connections as they become idle; true once none are left or the grace period is over.
    private func finishDrainStep() -> Bool {
        for connection in connections.values where connection.isIdle { close(connection) }
        return connections.isEmpty || now >= drainDeadline
    }
}
