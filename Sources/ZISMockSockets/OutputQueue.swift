/// Bytes waiting to go out on one connection, in order. Responses are appended whole (head, then
/// body), and a flush sends as many of them as fit in one `sendmsg`.
public struct OutputQueue {
    private var chunks: [[UInt8]] = []
    /// How much of `chunks[0]` has already been sent.
    private var sentOfFirst = 0

    public init() {}

    public var isEmpty: Bool { chunks.isEmpty }

    public mutating func append(_ bytes: [UInt8]) {
        if !bytes.isEmpty { chunks.append(bytes) }
    }

    public mutating func append(_ text: StaticString) {
        append(Array(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)))
    }

    enum FlushResult {
        case drained
        case blocked
        case failed(Int32)
    }

    /// Writes until the queue is empty or the transport would block.
    mutating func flush(to transport: Transport) -> FlushResult {
        while !chunks.isEmpty {
            let result: Socket.WriteResult
            switch transport {
            case .plain(let socket): result = sendBatch(to: socket)
            case .tls(let session):
                coalesceForTLS()
                result = chunks[0].withUnsafeBytes { session.write(UnsafeRawBufferPointer(rebasing: $0[sentOfFirst...])) }
            }
            switch result {
            case .wrote(let count): consume(count)
            case .wouldBlock: return .blocked
            case .failed(let code): return .failed(code)
            }
        }
        return .drained
    }

    /// TLS has no writev: one SSL_write per chunk would put each response head in a record (and a
    /// segment) of its own. Joining what is queued costs a copy but halves records and syscalls.
    private mutating func coalesceForTLS() {
        guard chunks.count > 1, sentOfFirst == 0 else { return }
        var joined: [UInt8] = []
        joined.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        for chunk in chunks { joined.append(contentsOf: chunk) }
        chunks = [joined]
    }

    private func sendBatch(to socket: Socket) -> Socket.WriteResult {
        let count = min(chunks.count, 64)
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
        chunks.removeFirst(finished)
    }
}
