import Glibc

/// `zis-mock healthcheck`: probes `GET /__admin/health` on 127.0.0.1 at the configured port and exits
/// 0 on a 200, 1 otherwise. It is the container's HEALTHCHECK, so it needs no shell or curl in the
/// image. It reads the same flags and `ZIS_MOCK_*` twins as the server (the container sets them
/// once for both), and uses only the port: the probe always goes to loopback, which a server bound
/// to 0.0.0.0 (the container's setting) or 127.0.0.1 answers.
enum HealthcheckCommand {
    /// The whole probe — connect, send, read the status line — fits in this budget, well inside a
    /// HEALTHCHECK `--timeout`, so a hung server is reported as unhealthy rather than killed.
    static let budgetMilliseconds = 1_500
    static let path = "/__admin/health"

    static let usage = """
        Usage: zis-mock healthcheck [--port PORT]

        Probes GET \(path) on 127.0.0.1:PORT (the port from --port or ZIS_MOCK_PORT, default 8080);
        exits 0 on a 200 within \(budgetMilliseconds) ms, 1 otherwise. The server's other options are accepted and ignored.
        """

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        let options: CommandLineOptions
        do {
            switch try CommandLineOptions.parse(arguments, environment: environment) {
            case .help:
                StandardStreams.out(usage)
                return 0
            case .run(let parsed):
                options = parsed
            }
        } catch {
            StandardStreams.error("zis-mock healthcheck: \(error)\n\n\(usage)")
            return 1
        }
        let port = options.configuration.port
        guard port != 0 else {
            StandardStreams.error("zis-mock healthcheck: port 0 means any free port; give the server's real port")
            return 1
        }
        let url = "http://127.0.0.1:\(port)\(path)"
        switch probe(port: port) {
        case .success(let statusLine) where statusCode(statusLine) == 200:
            StandardStreams.out("zis-mock healthcheck: \(url): \(statusLine)")
            return 0
        case .success(let statusLine):
            StandardStreams.error("zis-mock healthcheck: \(url): \(statusLine)")
            return 1
        case .failure(let failure):
            StandardStreams.error("zis-mock healthcheck: \(url): \(failure.description)")
            return 1
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The response's status line (`HTTP/1.1 200 OK`), or why there is none.
    static func probe(port: UInt16) -> Result<String, Failure> {
        let deadline = Deadline(milliseconds: budgetMilliseconds)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return .failure(Failure(description: "socket failed (errno \(errno))")) }
        defer { close(descriptor) }

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 {
            guard errno == EINPROGRESS else { return .failure(Failure(description: "connect failed (errno \(errno))")) }
            guard wait(descriptor, for: POLLOUT, until: deadline) else { return .failure(Failure(description: "connect timed out")) }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else { return .failure(Failure(description: "connect failed (errno \(error))")) }
        }

        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            guard wait(descriptor, for: POLLOUT, until: deadline) else { return .failure(Failure(description: "send timed out")) }
            let count = request.withUnsafeBytes { send(descriptor, $0.baseAddress! + sent, request.count - sent, Int32(MSG_NOSIGNAL)) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(Failure(description: "send failed (errno \(errno))"))
            }
            sent += count
        }

        // Only the status line matters; it is read up to its CRLF (or a short cap).
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 512)
        while true {
            if let end = received.firstIndex(of: UInt8(ascii: "\r")) ?? received.firstIndex(of: UInt8(ascii: "\n")) {
                return .success(String(decoding: received[..<end], as: UTF8.self))
            }
            guard received.count < 1024 else { return .failure(Failure(description: "no status line in the first 1024 bytes")) }
            guard wait(descriptor, for: POLLIN, until: deadline) else {
                return .failure(Failure(description: "no response within \(budgetMilliseconds) ms"))
            }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(Failure(description: "recv failed (errno \(errno))"))
            }
            guard count > 0 else { return .failure(Failure(description: "connection closed before a status line")) }
            received += chunk[..<count]
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
