import ZISMockBasics

/// Bytes waiting to go out on one connection, in order. Responses are appended whole (head, then
/// body), and a flush sends as many of them as fit in one `sendmsg`.
package struct OutputQueue {
    private var chunks: [[UInt8]] = []
    /// How much of `chunks[0]` has already been sent.
    private var sentOfFirst = 0
    /// Points in the queue that may not be passed before a time (a delayed response, for fault
    /// injection): what was queued before a hold goes out, what follows waits, and the loop is not
    /// blocked meanwhile. `beforeChunk` counts the chunks queued ahead of the hold.
    private var holds: [(beforeChunk: Int, until: Int64)] = []

    package init() {}

    /// Nothing left to send and nothing held back.
    package var isEmpty: Bool { chunks.isEmpty && holds.isEmpty }

    /// The bytes not yet sent, in order: what a socket would receive next (for tests that drive a
    /// connection without one).
    package var unsentBytes: [UInt8] { Array(chunks.joined().dropFirst(sentOfFirst)) }

    /// Whatever is appended after this goes out no sooner than `milliseconds` from now (or from
    /// the end of the previous hold, so pipelined delays add up as a client would expect).
    package mutating func hold(forMilliseconds milliseconds: Int) {
        let start = max(MockClock.system.monotonicMilliseconds(), holds.last?.until ?? 0)
        holds.append((chunks.count, start + Int64(milliseconds)))
    }

    package mutating func append(_ bytes: [UInt8]) {
        if !bytes.isEmpty { chunks.append(bytes) }
    }

    package mutating func append(_ text: StaticString) {
        append(Array(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)))
    }

    enum FlushResult {
        case drained
        case blocked
        /// Everything that may go out has; the rest waits for a hold to end at this time.
        case held(until: Int64)
        case failed(Int32)
    }

    /// Writes until the queue is empty, the transport would block, or a hold is reached.
    mutating func flush(to transport: Transport, now: Int64) -> FlushResult {
        while let first = holds.first, first.until <= now { holds.removeFirst() }
        while true {
            let sendable = holds.first?.beforeChunk ?? chunks.count
            guard sendable > 0 else { return holds.first.map { .held(until: $0.until) } ?? .drained }
            let result: Socket.WriteResult
            switch transport {
            case .plain(let socket): result = sendBatch(to: socket, count: min(sendable, 64))
            case .tls(let session):
                coalesceForTLS(count: sendable)
                result = chunks[0].withUnsafeBytes { session.write(UnsafeRawBufferPointer(rebasing: $0[sentOfFirst...])) }
            }
            switch result {
            case .wrote(let count): consume(count)
            case .wouldBlock: return .blocked
            case .failed(let code): return .failed(code)
            }
        }
    }

    /// TLS has no writev: one SSL_write per chunk would put each response head in a record (and a
    /// segment) of its own. Joining what is queued costs a copy but halves records and syscalls.
    private mutating func coalesceForTLS(count: Int) {
        guard count > 1, sentOfFirst == 0 else { return }
        var joined: [UInt8] = []
        joined.reserveCapacity(chunks[..<count].reduce(0) { $0 + $1.count })
        for chunk in chunks[..<count] { joined.append(contentsOf: chunk) }
        chunks.replaceSubrange(..<count, with: [joined])
        for index in holds.indices { holds[index].beforeChunk -= count - 1 }
    }

    private func sendBatch(to socket: Socket, count: Int) -> Socket.WriteResult {
        return withUnsafeTemporaryAllocation(of: UnsafeRawPointer?.self, capacity: count) { bases in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { lengths in
                // The pointers stay valid for the call: `chunks` is not mutated until sendmsg returns.
                for index in 0..<count {
                    chunks[index].withUnsafeBytes { bytes in
                        let skip = index == 0 ? sentOfFirst : 0
                        bases[index] = UnsafeRawPointer(bytes.baseAddress!) + skip
                        lengths[index] = bytes.count - skip
                    }
                }
                return socket.send(bases: bases.baseAddress!, lengths: lengths.baseAddress!, count: Int32(count))
            }
        }
    }

    private mutating func consume(_ count: Int) {
        var remaining = count
        var finished = 0
        while finished < chunks.count {
            let left = chunks[finished].count - sentOfFirst
            if remaining < left {
                sentOfFirst += remaining
                break
            }
            remaining -= left
            sentOfFirst = 0
            finished += 1
        }
        // All of it went out, the usual case: emptied in place, without the general subrange removal.
        if finished == chunks.count { chunks.removeAll(keepingCapacity: true) } else { chunks.removeFirst(finished) }
        for index in holds.indices { holds[index].beforeChunk -= finished }
    }
}
