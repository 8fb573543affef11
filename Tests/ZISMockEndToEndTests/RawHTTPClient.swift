import Foundation
import Glibc
import Testing
import ZISMock

/// A deliberately small HTTP/1.1 client over a blocking TCP socket, so a test can send exact
/// bytes (pipelined, split, broken), read responses framed by Content-Length, and see the server
/// close. Every read has a timeout (SO_RCVTIMEO), so a failing test never hangs.
final class RawHTTPClient {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let descriptor: Int32
    /// Every response is checked for the seed's secrets and tokens (`SecretScanner`) unless this is off.
    var scansForSecrets = true
    private var buffer: [UInt8] = []
    private var isOpen = true

    init(port: UInt16, host: String = "127.0.0.1", timeoutSeconds: Int = 5) throws {
        descriptor = testStreamSocket()
        guard descriptor >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            let code = errno
            // Every property is set, so deinit runs after this throw and closes the descriptor:
            // closing it here too once closed whatever socket another thread had been given the
            // number in between (issue 3's "closed with 0 bytes").
            throw Failure(description: "connect to \(host):\(port): errno \(code)")
        }
    }

    deinit { close() }

    func close() {
        if isOpen {
            isOpen = false
            Glibc.close(descriptor)
        }
    }

    /// Closes with RST instead of FIN (SO_LINGER 0): a client that vanishes.
    func abort() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close()
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "send: errno \(errno)")
            }
            offset += sent
        }
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Reads one response. `head` says the request was HEAD (no body follows).
    func readResponse(head: Bool = false) throws -> HTTPTestResponse {
        let end = try readUntil(Array("\r\n\r\n".utf8))
        let headBytes = Array(buffer[..<end])
        buffer.removeFirst(end + 4)
        var response = try HTTPTestResponse(head: headBytes)
        let bodiless = head || (100..<200).contains(response.status) || response.status == 204 || response.status == 304
        if !bodiless {
            guard let lengthText = response.header("Content-Length"), let length = Int(lengthText) else {
                throw Failure(description: "response without Content-Length: \(response.statusLine)")
            }
            try fill(atLeast: length)
            response.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        }
        if scansForSecrets { SecretScanner.check(headBytes + response.body) }
        return response
    }

    /// Sends a request and reads its response.
    func exchange(_ request: String, head: Bool = false) throws -> HTTPTestResponse {
        try send(request)
        return try readResponse(head: head)
    }

    /// True when the server has closed (FIN or RST) with no further bytes; false when bytes
    /// arrive. Throws on timeout, which means the server kept the connection open.
    func serverClosed() throws -> Bool {
        if !buffer.isEmpty { return false }
        switch readMore() {
        case .bytes: return false
        case .closed: return true
        case .timedOut: throw Failure(description: "timed out waiting for the server to close")
        }
    }

    /// Every byte until the server closes.
    func readToClose() throws -> [UInt8] {
        while true {
            switch readMore() {
            case .bytes: continue
            case .closed:
                defer { buffer = [] }
                return buffer
            case .timedOut: throw Failure(description: "timed out waiting for the server to close")
            }
        }
    }

    var bufferedByteCount: Int { buffer.count }

    private enum ReadOutcome { case bytes, closed, timedOut }
    /// How the last read that saw the connection end ended: "end of stream" or the errno.
    private var howClosed = ""

    private func readMore() -> ReadOutcome {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer += chunk[..<count]
                return .bytes
            }
            if count == 0 {
                howClosed = "end of stream"
                return .closed
            }
            let code = errno
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .timedOut
            default:
                // ECONNRESET and friends: the server is gone. EBADF would mean this process closed our descriptor.
                howClosed = "errno \(code)"
                return .closed
            }
        }
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        var searchFrom = 0
        while true {
            if let index = firstIndex(of: marker, in: buffer, from: searchFrom) { return index }
            searchFrom = max(0, buffer.count - marker.count + 1)
            switch readMore() {
            case .bytes: continue
            case .closed: throw Failure(description: "server closed before a full response head (\(buffer.count) bytes buffered, \(howClosed), fd \(descriptor))")
            case .timedOut: throw Failure(description: "timed out waiting for a response head")
            }
        }
    }

    private func fill(atLeast count: Int) throws {
        while buffer.count < count {
            switch readMore() {
            case .bytes: continue
            case .closed: throw Failure(description: "server closed mid-body (\(buffer.count)/\(count), \(howClosed))")
            case .timedOut: throw Failure(description: "timed out waiting for the body (\(buffer.count)/\(count))")
            }
        }
    }
}

/// A TCP socket that child processes do not inherit. Tests launch children (Foundation's
/// `Process`) while other tests hold sockets, and a child's inherited copy keeps a connection
/// open after the test closes it, so the server never sees the close or reset.
func testStreamSocket() -> Int32 {
    socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
}

/// Where `needle` first occurs in `haystack` at or after `start` (memchr for the first byte, then memcmp).
func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
    return haystack.withUnsafeBytes { hay in
        needle.withUnsafeBytes { pin in
            let base = hay.baseAddress!
            let last = hay.count - pin.count
            var index = start
            while index <= last {
                guard let hit = memchr(base + index, Int32(pin[0]), last - index + 1) else { return nil }
                index = UnsafeRawPointer(hit) - base
                if memcmp(base + index, pin.baseAddress!, pin.count) == 0 { return index }
                index += 1
            }
            return nil
        }
    }
}

struct HTTPTestResponse {
    var statusLine: String
    var headers: [(name: String, value: String)]
    var body: [UInt8] = []

    init(head: [UInt8]) throws {
        let text = String(decoding: head, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        statusLine = lines.removeFirst()
        guard statusLine.split(separator: " ").count >= 3, Int(statusLine.split(separator: " ")[1]) != nil else {
            throw RawHTTPClient.Failure(description: "bad status line \(statusLine.debugDescription)")
        }
        headers = try lines.map { line in
            guard let colon = line.firstIndex(of: ":") else { throw RawHTTPClient.Failure(description: "bad header \(line.debugDescription)") }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    var status: Int { Int(statusLine.split(separator: " ")[1])! }
    var version: String { String(statusLine.split(separator: " ")[0]) }
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    func headers(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The body as a Foundation JSON object (dictionary).
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw RawHTTPClient.Failure(description: "body is not a JSON object: \(text)")
        }
        return object
    }
}

/// Every secret of the default seed (each type's secret fields, OAuth client secrets), every ZIS
/// access token it lists, and its admins' passwords, API tokens and sessions. No response may ever contain one (spec §1; issue 17 for the
/// tokens, which the state export once printed): every response any test reads is scanned.
enum SecretScanner {
    static let secrets: [[UInt8]] = {
        let url = repositoryRoot.appendingPathComponent("seed-data/default.json")
        guard let data = try? Data(contentsOf: url),
            let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let integrations = document["integrations"] as? [[String: Any]]
        else { fatalError("cannot read \(url.path)") }
        var values: [String] = []
        for integration in integrations {
            let connections = integration["connections"] as? [String: [[String: Any]]] ?? [:]
            for type in ConnectionType.allCases {
                for field in ConnectionSchema.of(type).fields where field.isSecret {
                    values += (connections[type.rawValue] ?? []).compactMap { $0[field.key] as? String }
                }
            }
            values += (integration["oauth_clients"] as? [[String: Any]] ?? []).compactMap { $0["client_secret"] as? String }
            values += (integration["tokens"] as? [[String: Any]] ?? []).compactMap { $0["token"] as? String }
        }
        // Not the CSRF token: `/api/v2/users/me.json` hands it to its own session, as Zendesk does.
        for admin in document["admins"] as? [[String: Any]] ?? [] {
            values += ["password", "api_token", "session"].compactMap { admin[$0] as? String }
        }
        return values.map { Array($0.utf8) }
    }()

    static func check(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in secrets where firstIndex(of: secret, in: bytes) != nil {
            Issue.record("a response contains the seeded secret \(String(decoding: secret, as: UTF8.self))", sourceLocation: sourceLocation)
        }
    }
}

/// The package root, found from this file's path (Tests/ZISMockEndToEndTests/…).
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
