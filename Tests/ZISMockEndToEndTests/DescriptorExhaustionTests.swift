import Foundation
import Testing

/// Running out of file descriptors must neither crash the server nor spin a core: it stops
/// accepting for a moment, keeps serving the connections it has, and picks the queue up again.
@Suite("CLI: file descriptors exhausted")
struct DescriptorExhaustionTests {
    @Test func atEMFILETheServerIdlesServesAndRecovers() throws {
        let binary = try MockProcess.executable().path
        let port = try freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/bin/sh")
        server.arguments = ["-c", "ulimit -n 64 && exec \"$0\" --port \(port) --log-level warning", binary]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        var ready = false
        for _ in 0..<200 where !ready {
            ready = (try? RawHTTPClient(port: port).exchange(request(target: "/__admin/health")).status) == 200
            if !ready { usleep(20_000) }
        }
        try #require(ready)

        // 100 clients against 64 descriptors: the kernel queues what the server cannot accept.
        let clients = try (0..<100).map { _ in try RawHTTPClient(port: port) }
        usleep(300_000)
        let first = clients.prefix(50)
        for client in first { #expect(try client.exchange(request(target: "/__admin/health")).status == 200) }

        let before = try cpuTicks(server.processIdentifier)
        usleep(1_500_000)
        #expect(try cpuTicks(server.processIdentifier) - before < 20, "no busy loop on EMFILE (20 ticks = 0.2 s of CPU)")

        for client in first { client.close() }
        var served = 0
        for client in clients.suffix(40) where (try? client.exchange(request(target: "/__admin/health")).status) == 200 {
            served += 1
        }
        #expect(served == 40, "queued clients are accepted once descriptors free up (\(served) of 40)")
    }

    private func cpuTicks(_ pid: Int32) throws -> Int {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = stat.split(separator: ")").last!.split(separator: " ")
        return Int(fields[11])! + Int(fields[12])!
    }
}
