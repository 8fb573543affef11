import Glibc
import Testing
import ZISMockBasics
@testable import ZISMockSockets

/// The queue a connection writes through, flushed into one end of a real socket pair.
@Suite("Output queue")
struct OutputQueueTests {
    private func socketPair() -> (Socket, Int32) {
        var descriptors: [Int32] = [0, 0]
        precondition(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0, &descriptors) == 0)
        return (Socket(descriptor: descriptors[0]), descriptors[1])
    }

    private func received(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(descriptor, &buffer, buffer.count)
        return String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
    }

    @Test func bytesGoOutInTheOrderTheyWereQueued() {
        let (socket, peer) = socketPair()
        defer { socket.close(); close(peer) }
        var queue = OutputQueue()
        queue.append(Array("HTTP/1.1 200 OK\r\n\r\n".utf8))
        queue.append("second")
        #expect(queue.unsentBytes == Array("HTTP/1.1 200 OK\r\n\r\nsecond".utf8))
        guard case .drained = queue.flush(to: .plain(socket), now: 0) else {
            Issue.record("not drained")
            return
        }
        #expect(queue.isEmpty)
        #expect(received(peer) == "HTTP/1.1 200 OK\r\n\r\nsecond")
    }

    /// A delayed answer (fault injection) holds what follows it, not what came before.
    @Test func aHoldKeepsBackOnlyWhatFollowsIt() {
        let (socket, peer) = socketPair()
        defer { socket.close(); close(peer) }
        var queue = OutputQueue()
        queue.append("before")
        queue.hold(forMilliseconds: 1000)
        queue.append("after")
        let now = MockClock.system.monotonicMilliseconds()
        guard case .held(let until) = queue.flush(to: .plain(socket), now: now) else {
            Issue.record("not held")
            return
        }
        #expect(until >= now + 999)
        #expect(received(peer) == "before")
        guard case .drained = queue.flush(to: .plain(socket), now: until) else {
            Issue.record("not drained after the hold")
            return
        }
        #expect(received(peer) == "after")
    }
}
