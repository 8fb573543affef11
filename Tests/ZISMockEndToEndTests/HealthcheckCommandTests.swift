import Foundation
import Glibc
import Testing

/// `zis-mock healthcheck`, the container's HEALTHCHECK: exit 0 when the server on the configured
/// port answers 200 (over TLS when HTTPS takes that port), 1 otherwise, always within about 2 s.
@Suite("CLI: zis-mock healthcheck")
struct HealthcheckCommandTests {
    @Test func aRunningServerIsHealthyByFlagAndByEnvironmentTwin() throws {
        let server = try MockProcess(arguments: ["--port", "0"])
        defer { server.terminate() }
        let port = try server.waitForListening()

        let byFlag = try MockProcess(arguments: ["healthcheck", "--port", String(port)])
        #expect(try byFlag.waitForExit(timeout: 5) == 0)
        #expect(byFlag.remainingStandardOutput().contains("200"))

        // The container sets every twin once, the seed included; the probe accepts them all.
        let byTwin = try MockProcess(
            arguments: ["healthcheck"],
            environment: ["ZIS_MOCK_PORT": String(port), "ZIS_MOCK_HOST": "0.0.0.0", "ZIS_MOCK_SEED": "/nonexistent-seed"])
        #expect(try byTwin.waitForExit(timeout: 5) == 0)
    }

    @Test func httpsOnTheMainPortIsProbedOverTLS() throws {
        let server = try MockProcess(arguments: ["--port", "0", "--tls-self-signed"])
        defer { server.terminate() }
        let port = try server.waitForListening()

        let byFlag = try MockProcess(arguments: ["healthcheck", "--port", String(port), "--tls-self-signed"])
        #expect(try byFlag.waitForExit(timeout: 5) == 0)
        #expect(byFlag.remainingStandardOutput().contains("https://127.0.0.1:\(port)"))

        let byTwin = try MockProcess(arguments: ["healthcheck"], environment: ["ZIS_MOCK_PORT": String(port), "ZIS_MOCK_TLS_SELF_SIGNED": "true"])
        #expect(try byTwin.waitForExit(timeout: 5) == 0)

        // Plain HTTP to a TLS port gets no HTTP status line.
        let plain = try MockProcess(arguments: ["healthcheck", "--port", String(port)])
        #expect(try plain.waitForExit(timeout: 5) == 1)
    }

    @Test func withATLSPortTheMainPortStaysPlainHTTP() throws {
        let server = try MockProcess(arguments: ["--port", "0", "--tls-self-signed", "--tls-port", "0"])
        defer { server.terminate() }
        let port = try server.waitForListening()
        let probe = try MockProcess(arguments: ["healthcheck", "--port", String(port), "--tls-self-signed", "--tls-port", "0"])
        #expect(try probe.waitForExit(timeout: 5) == 0)
        #expect(probe.remainingStandardOutput().contains("http://127.0.0.1:\(port)"))
    }

    /// `docker run IMAGE --port 9000 --tls-self-signed`: the healthcheck, given no flags of its own,
    /// reads the server's command line (PID 1 in a container; here the server's PID).
    @Test func theServerProcessFlagsMoveThePortAndSwitchOnTLS() throws {
        let port = try freePort()
        let server = try MockProcess(arguments: ["--port", String(port), "--tls-self-signed", "--admin-token", "admin-secret"])
        defer { server.terminate() }
        _ = try server.waitForListening()
        let probe = try MockProcess(arguments: ["healthcheck", "--pid", String(server.process.processIdentifier)])
        #expect(try probe.waitForExit(timeout: 5) == 0, "health needs no admin token")
        let output = probe.remainingStandardOutput()
        #expect(output.contains("https://127.0.0.1:\(port)/__admin/health: HTTP/1.1 200 OK"), "\(output)")
        #expect(output.contains("settings of PID \(server.process.processIdentifier)"))

        // Without the server's flags the same probe goes to the default port over plain HTTP.
        let blind = try MockProcess(arguments: ["healthcheck", "--pid", String(getpid())])
        _ = try blind.waitForExit(timeout: 5)
        #expect(blind.remainingStandardOutput().contains("https://127.0.0.1:\(port)") == false)
    }

    @Test func theServerProcessEnvironmentAndHostAreUsed() throws {
        let port = try freePort()
        let server = try MockProcess(arguments: ["--no-admin"], environment: ["ZIS_MOCK_PORT": String(port), "ZIS_MOCK_HOST": "::1"])
        defer { server.terminate() }
        _ = try server.waitForListening()
        let probe = try MockProcess(arguments: ["healthcheck", "--pid", String(server.process.processIdentifier)])
        #expect(try probe.waitForExit(timeout: 5) == 0, "health stays on with --no-admin")
        #expect(probe.remainingStandardOutput().contains("http://[::1]:\(port)/__admin/health"))
    }

    @Test func theHealthcheckOwnFlagsWinOverTheServerProcess() throws {
        let server = try MockProcess(arguments: ["--port", "0"])
        defer { server.terminate() }
        let port = try server.waitForListening()
        // The server's command line says port 0 (no real port); the flag given here says where.
        let probe = try MockProcess(arguments: ["healthcheck", "--pid", String(server.process.processIdentifier), "--port", String(port)])
        #expect(try probe.waitForExit(timeout: 5) == 0)
        let bad = try MockProcess(arguments: ["healthcheck", "--pid", "x"])
        #expect(try bad.waitForExit(timeout: 5) == 1)
        #expect(bad.remainingStandardError().contains("--pid takes a process id"))
    }

    @Test func nothingListeningIsUnhealthy() throws {
        let port = try freePort()
        let started = Date()
        let probe = try MockProcess(arguments: ["healthcheck"], environment: ["ZIS_MOCK_PORT": String(port)])
        #expect(try probe.waitForExit(timeout: 5) == 1)
        #expect(Date().timeIntervalSince(started) < 3.0)
        #expect(probe.remainingStandardError().contains("127.0.0.1:\(port)"))
    }

    @Test func aServerThatNeverAnswersIsUnhealthyWithinTheBudget() throws {
        // Listening but never accepting: the kernel completes the handshake, nothing ever replies.
        let listener = try LoopbackListener()
        defer { listener.close() }
        let started = Date()
        let probe = try MockProcess(arguments: ["healthcheck", "--port", String(listener.port)])
        #expect(try probe.waitForExit(timeout: 5) == 1)
        // The budget is 1.5 s; the rest allows for launching the process on a busy (or sanitized) build.
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 1.0 && elapsed < 3.0, "gave up after \(elapsed) s")
    }

    @Test func aNon200StatusIsUnhealthy() throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        let probe = try MockProcess(arguments: ["healthcheck", "--port", String(listener.port)])
        let connection = try listener.accept(timeoutSeconds: 2)
        defer { Glibc.close(connection) }
        var request = [UInt8](repeating: 0, count: 1024)
        _ = request.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
        #expect(String(decoding: request, as: UTF8.self).hasPrefix("GET /__admin/health HTTP/1.1\r\n"))
        let response = Array("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
        _ = response.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        #expect(try probe.waitForExit(timeout: 5) == 1)
        #expect(probe.remainingStandardError().contains("503"))
    }

    @Test func portZeroIsRejected() throws {
        let probe = try MockProcess(arguments: ["healthcheck", "--port", "0"])
        #expect(try probe.waitForExit(timeout: 5) == 1)
    }
}

/// A loopback TCP socket that listens on an ephemeral port and accepts only when asked.
private final class LoopbackListener {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = testStreamSocket()
        guard descriptor >= 0 else { throw RawHTTPClient.Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 8) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard ready else {
            Glibc.close(descriptor)
            throw RawHTTPClient.Failure(description: "cannot listen on loopback: errno \(errno)")
        }
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    func accept(timeoutSeconds: Int) throws -> Int32 {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeoutSeconds * 1000)) > 0 else { throw RawHTTPClient.Failure(description: "no connection to accept") }
        let connection = Glibc.accept(descriptor, nil, nil)
        guard connection >= 0 else { throw RawHTTPClient.Failure(description: "accept: errno \(errno)") }
        _ = fcntl(connection, F_SETFD, FD_CLOEXEC)  // as testStreamSocket(): no child inherits it
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return connection
    }

    func close() {
        Glibc.close(descriptor)
    }
}
