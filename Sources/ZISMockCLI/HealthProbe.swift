import COpenSSL
import Glibc
import ZISMockSockets

/// One `GET` over plain TCP or TLS, reduced to its status line, within a fixed time budget: the
/// probe behind `zis-mock healthcheck`. Non-blocking sockets and poll() bound every step, so a
/// server that accepts and never answers is reported, not waited for.
enum HealthProbe {
    /// The whole probe — connect, send, read the status line — fits in this budget, well inside a
    /// HEALTHCHECK `--timeout`, so a hung server is reported as unhealthy rather than killed.
    static let budgetMilliseconds = 1_500

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The response's status line (`HTTP/1.1 200 OK`) to `GET path`, or why there is none.
    static func statusLine(of path: String, at address: SocketAddress, secure: Bool) -> Result<String, Failure> {
        let deadline = Deadline(milliseconds: budgetMilliseconds)
        let descriptor = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return .failure(Failure(description: "socket failed (errno \(errno))")) }
        defer { close(descriptor) }

        let connected = connect(descriptor, to: address)
        if connected != 0 {
            guard errno == EINPROGRESS else { return .failure(Failure(description: "connect failed (errno \(errno))")) }
            guard wait(descriptor, for: POLLOUT, until: deadline) else { return .failure(Failure(description: "connect timed out")) }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { return .failure(Failure(description: "connect failed (errno \(error))")) }
        }

        let channel: Channel
        if secure {
            guard let session = TLSClient(descriptor: descriptor) else { return .failure(Failure(description: "cannot set up a TLS client")) }
            channel = .tls(session)
        } else {
            channel = .plain(descriptor)
        }
        defer { channel.close() }
        if case .tls(let session) = channel {
            if case .failure(let failure) = perform("TLS handshake", on: descriptor, until: deadline, session.handshake) { return .failure(failure) }
        }

        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(address)\r\nConnection: close\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let step = perform("send", on: descriptor, until: deadline) {
                request.withUnsafeBytes { channel.write($0.baseAddress! + sent, request.count - sent) }
            }
            switch step {
            case .success(let count): sent += count
            case .failure(let failure): return .failure(failure)
            }
        }

        // Only the status line matters; it is read up to its CRLF (or a short cap).
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 512)
        while true {
            if let end = received.firstIndex(of: UInt8(ascii: "\r")) ?? received.firstIndex(of: UInt8(ascii: "\n")) {
                return .success(String(decoding: received[..<end], as: UTF8.self))
            }
            guard received.count < 1024 else { return .failure(Failure(description: "no status line in the first 1024 bytes")) }
            let step = perform("receive", on: descriptor, until: deadline) {
                chunk.withUnsafeMutableBytes { channel.read($0.baseAddress!, $0.count) }
            }
            switch step {
            case .success(0): return .failure(Failure(description: "connection closed before a status line"))
            case .success(let count): received += chunk[..<count]
            case .failure(let failure): return .failure(failure)
            }
        }
    }

    private static func connect(_ descriptor: Int32, to address: SocketAddress) -> Int32 {
        switch address {
        case .ipv4(var v4):
            withUnsafePointer(to: &v4) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        case .ipv6(var v6):
            withUnsafePointer(to: &v6) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
    }

    /// What one read, write or handshake step did.
    enum Step {
        case done(Int)
        case wait(Int32)  // poll events to wait for before trying again
        case failed(String)
    }

    /// Repeats `step` until it is done, waiting on the socket in between, until the deadline.
    private static func perform(_ what: String, on descriptor: Int32, until deadline: Deadline, _ step: () -> Step) -> Result<Int, Failure> {
        while true {
            switch step() {
            case .done(let count): return .success(count)
            case .failed(let reason): return .failure(Failure(description: "\(what) failed (\(reason))"))
            case .wait(let events):
                guard wait(descriptor, for: events, until: deadline) else {
                    return .failure(Failure(description: "\(what): no progress within \(budgetMilliseconds) ms"))
                }
            }
        }
    }

    private enum Channel {
        case plain(Int32)
        case tls(TLSClient)

        func write(_ bytes: UnsafeRawPointer, _ count: Int) -> Step {
            switch self {
            case .plain(let descriptor): Self.plainStep(send(descriptor, bytes, count, Int32(MSG_NOSIGNAL)), wouldBlock: POLLOUT)
            case .tls(let session): session.write(bytes, count)
            }
        }

        func read(_ bytes: UnsafeMutableRawPointer, _ count: Int) -> Step {
            switch self {
            case .plain(let descriptor): Self.plainStep(recv(descriptor, bytes, count, 0), wouldBlock: POLLIN)
            case .tls(let session): session.read(bytes, count)
            }
        }

        func close() {
            if case .tls(let session) = self { session.free() }
        }

        private static func plainStep(_ result: Int, wouldBlock events: Int32) -> Step {
            if result >= 0 { return .done(result) }
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return .wait(events) }
            return .failed("errno \(errno)")
        }
    }

    /// An OpenSSL client session on the probe's non-blocking socket. The certificate is not
    /// verified: the probe talks to its own server on loopback and only asks whether it answers.
    private struct TLSClient {
        let context: OpaquePointer
        let session: OpaquePointer

        init?(descriptor: Int32) {
            guard let context = SSL_CTX_new(TLS_client_method()) else { return nil }
            SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
            guard let session = SSL_new(context) else {
                SSL_CTX_free(context)
                return nil
            }
            SSL_set_fd(session, descriptor)
            self.context = context
            self.session = session
        }

        func handshake() -> Step { step(SSL_connect(session)) { _ in .done(0) } }
        func write(_ bytes: UnsafeRawPointer, _ count: Int) -> Step { step(SSL_write(session, bytes, Int32(count))) { .done(Int($0)) } }

        func read(_ bytes: UnsafeMutableRawPointer, _ count: Int) -> Step {
            let result = SSL_read(session, bytes, Int32(count))
            if result <= 0, SSL_get_error(session, result) == SSL_ERROR_ZERO_RETURN { return .done(0) }
            return step(result) { .done(Int($0)) }
        }

        func free() {
            SSL_free(session)
            SSL_CTX_free(context)
        }

        private func step(_ result: Int32, success: (Int32) -> Step) -> Step {
            if result > 0 { return success(result) }
            switch SSL_get_error(session, result) {
            case SSL_ERROR_WANT_READ: return .wait(POLLIN)
            case SSL_ERROR_WANT_WRITE: return .wait(POLLOUT)
            case let code:
                let reason = ERR_get_error()
                ERR_clear_error()
                return .failed(reason == 0 ? "SSL error \(code)" : "OpenSSL error \(String(reason, radix: 16))")
            }
        }
    }

    /// 200 from `HTTP/1.1 200 OK`; nil for anything that is not an HTTP status line.
    static func statusCode(_ statusLine: String) -> Int? {
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3 else { return nil }
        return Int(parts[1])
    }

    /// True once `descriptor` is ready for `events` (or has an error to report), false at the deadline.
    private static func wait(_ descriptor: Int32, for events: Int32, until deadline: Deadline) -> Bool {
        while true {
            let remaining = deadline.remainingMilliseconds
            guard remaining > 0 else { return false }
            var poller = pollfd(fd: descriptor, events: Int16(events), revents: 0)
            let ready = poll(&poller, 1, Int32(remaining))
            if ready > 0 { return true }
            if ready == 0 || errno != EINTR { return ready > 0 }
        }
    }

    private struct Deadline {
        let end: Int64

        init(milliseconds: Int) {
            end = Self.now() + Int64(milliseconds)
        }

        var remainingMilliseconds: Int64 { end - Self.now() }

        private static func now() -> Int64 {
            var time = timespec()
            clock_gettime(CLOCK_MONOTONIC, &time)
            return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
        }
    }
}
