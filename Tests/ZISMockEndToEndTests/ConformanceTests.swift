import Foundation
import Glibc
import Testing

/// The socket layer's promises under pressure: timeouts, the connection cap, many connections at
/// once and many in a row. Each test checks the server still answers afterwards.
@Suite("End to end: timeouts, caps and volume")
struct ConformanceTests {
    /// Waits until `condition` holds, up to `seconds`; the sweep runs once a second.
    private func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    @Test func aSlowlorisIsDroppedAfterTheRequestTimeout() throws {
        try withServer(configure: { $0.tuning.requestTimeoutMilliseconds = 1_000 }) { server in
            let slow = try RawHTTPClient(port: server.port)
            try slow.send("GET /__admin/health HTTP/1.1\r\nHost: x\r\n")
            let started = Date()
            #expect(try slow.serverClosed())
            let waited = Date().timeIntervalSince(started)
            #expect(waited > 0.9 && waited < 3, "closed after the 1 s timeout (+ up to 1 s sweep), took \(waited) s")
            #expect(try RawHTTPClient(port: server.port).exchange(request(target: "/__admin/health")).status == 200)
        }
    }

    @Test func anIdleKeepAliveConnectionIsClosed() throws {
        try withServer(configure: { $0.tuning.idleTimeoutMilliseconds = 1_000 }) { server in
            let idle = try RawHTTPClient(port: server.port)
            #expect(try idle.exchange(request(target: "/__admin/health")).status == 200)
            let started = Date()
            #expect(try idle.serverClosed())
            #expect(Date().timeIntervalSince(started) < 3)
        }
    }

    @Test func aClientThatStopsReadingIsDropped() throws {
        try withServer(configure: { $0.tuning.writeTimeoutMilliseconds = 1_000 }) { server in
            let greedy = try RawHTTPClient(port: server.port)
            // About 40 MB of answers that are never read: the socket buffers fill and the writes stall.
            let one = request(target: Seeded.listPath())
            try greedy.send(String(repeating: one, count: 2_000))
            #expect(eventually(within: 2) { server.connectionCount == 1 }, "accepted (else the next wait proves nothing)")
            #expect(eventually(within: 5) { server.connectionCount == 0 }, "the stalled connection is closed")
            #expect(try RawHTTPClient(port: server.port).exchange(request(target: "/__admin/health")).status == 200)
        }
    }

    /// Issue 17 (slowhttptest -X): answers the kernel's send buffer can hold — it grows to
    /// tcp_wmem's maximum, 4 MB by default — leave the server with nothing queued, so only the
    /// bytes the kernel still holds show that the client stopped reading. They count for the write
    /// timeout too, and the connection is reset so the kernel drops them rather than keep trying.
    @Test func aClientThatStopsReadingAnswersTheKernelHoldsIsDropped() throws {
        try withServer(configure: { $0.tuning.writeTimeoutMilliseconds = 1_000 }) { server in
            let stalled = try RawHTTPClient(port: server.port)
            // Ten copies of the OpenAPI document, about 600 KB, are never read.
            try stalled.send(String(repeating: request(target: "/__admin/openapi.yaml", authorization: nil), count: 10))
            #expect(eventually(within: 2) { server.connectionCount == 1 }, "accepted (else the next wait proves nothing)")
            usleep(200_000)  // the answers are all handed to the kernel by now
            #expect(server.connectionCount == 1)
            #expect(eventually(within: 4) { server.connectionCount == 0 }, "the stalled connection is closed")
            #expect(try RawHTTPClient(port: server.port).exchange(request(target: "/__admin/health")).status == 200)
        }
    }

    @Test func aClientStillReadingALargeAnswerIsNotDropped() throws {
        try withServer(configure: { $0.tuning.writeTimeoutMilliseconds = 1_000 }) { server in
            let reader = try RawHTTPClient(port: server.port)
            reader.scansForSecrets = false  // the OpenAPI document names the seed's demo token on purpose
            try reader.send(String(repeating: request(target: "/__admin/openapi.yaml", authorization: nil), count: 10))
            for _ in 0..<10 { #expect(try reader.readResponse().status == 200) }
            usleep(2_500_000)  // past the write timeout and two sweeps, with nothing left unsent
            #expect(try reader.exchange(request(target: "/__admin/health")).status == 200, "kept open")
        }
    }

    @Test func beyondTheCapNewConnectionsAreRefusedPromptly() throws {
        try withServer(configure: { $0.tuning.maxConnections = 5 }) { server in
            let held = try (0..<5).map { _ in try RawHTTPClient(port: server.port) }
            #expect(eventually(within: 2) { server.connectionCount == 5 })
            let refused = try RawHTTPClient(port: server.port)
            let started = Date()
            #expect(try refused.serverClosed())
            #expect(Date().timeIntervalSince(started) < 1, "refused at once, not left waiting")
            for client in held { #expect(try client.exchange(request(target: "/__admin/health")).status == 200) }
            held[0].close()
            #expect(eventually(within: 2) { server.connectionCount == 4 })
            #expect(try RawHTTPClient(port: server.port).exchange(request(target: "/__admin/health")).status == 200)
        }
    }

    @Test func aThousandConcurrentKeepAliveConnections() throws {
        raiseDescriptorLimit(to: 4_096)
        try withServer { server in
            let clients = try (0..<1_000).map { _ in try RawHTTPClient(port: server.port) }
            for client in clients { try client.send(request(target: Seeded.listPath(query: "page[size]=5"))) }
            var ok = 0
            for client in clients where try client.readResponse().status == 200 { ok += 1 }
            #expect(ok == 1_000)
            #expect(eventually(within: 2) { server.connectionCount == 1_000 })
            for client in clients { #expect(try client.exchange(request(target: "/__admin/health")).status == 200) }
        }
    }

    @Test func tenThousandShortLivedConnectionsInARow() throws {
        try withServer { server in
            let close = request(target: "/__admin/health", headers: ["Connection: close"])
            var ok = 0
            for _ in 0..<10_000 {
                let client = try RawHTTPClient(port: server.port)
                if try client.exchange(close).status == 200 { ok += 1 }
                client.close()
            }
            #expect(ok == 10_000)
            #expect(eventually(within: 3) { server.connectionCount == 0 }, "every descriptor was given back")
            #expect(try RawHTTPClient(port: server.port).exchange(request(target: "/__admin/health")).status == 200)
        }
    }

    @Test func truncatedRequestsAndAbandonedResponsesCostOnlyTheirConnection() throws {
        try withServer { server in
            for cut in [1, 10, 30, 60] {
                let truncated = try RawHTTPClient(port: server.port)
                try truncated.send(String(request(target: Seeded.listPath()).prefix(cut)))
                truncated.abort()
            }
            for _ in 0..<20 {
                let abandoning = try RawHTTPClient(port: server.port)
                try abandoning.send(String(repeating: request(target: Seeded.listPath()), count: 50))
                abandoning.abort()
            }
            #expect(eventually(within: 3) { server.connectionCount == 0 })
            #expect(try RawHTTPClient(port: server.port).exchange(request(target: Seeded.listPath())).status == 200)
        }
    }

    private func raiseDescriptorLimit(to wanted: rlim_t) {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < wanted {
            limit.rlim_cur = min(wanted, limit.rlim_max)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
    }
}
