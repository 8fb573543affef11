import Dispatch
import Glibc
import ZISMockLocking

/// Writes log lines to a file descriptor off the event loops. Loops only append to a bounded
/// buffer; a serial queue writes it out. A stderr pipe nobody reads fills up and blocks its writer:
/// that must stall this queue, never a loop. Past the bound, lines are dropped and counted.
final class LineWriter: Sendable {
    private struct Pending {
        var bytes: [UInt8] = []
        var isScheduled = false
        var dropped = 0
    }

    private let descriptor: Int32
    private let pending = Locked(Pending())
    private let queue = DispatchQueue(label: "zis-mock.log-writer")
    private let maxBufferedBytes = 1 << 20

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func write(_ line: String) {
        let mustSchedule = pending.withLock { pending -> Bool in
            guard pending.bytes.count + line.utf8.count < maxBufferedBytes else {
                pending.dropped += 1
                return false
            }
            pending.bytes.append(contentsOf: line.utf8)
            pending.bytes.append(UInt8(ascii: "\n"))
            defer { pending.isScheduled = true }
            return !pending.isScheduled
        }
        if mustSchedule { queue.async { self.drain() } }
    }

    /// Writes out everything buffered so far; call before the process exits.
    func flush() {
        queue.sync { drain() }
    }

    private func drain() {
        let (bytes, dropped) = pending.withLock { pending in
            defer { pending = Pending() }
            return (pending.bytes, pending.dropped)
        }
        writeAll(bytes)
        if dropped > 0 { writeAll(Array("zis-mock: \(dropped) log lines dropped: the log output was not being read fast enough\n".utf8)) }
    }

    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
