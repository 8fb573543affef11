@testable import ZISMockHTTP
import ZISMockSockets

/// Shared helpers for the HTTP-layer tests: parse from text or bytes, drive an `HTTPConnection`
/// with a fake responder, and split what it writes back into responses.

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

func parseHead(_ input: [UInt8], limits: HTTPLimits = HTTPLimits()) -> HTTPHeadParser.Result {
    input.withUnsafeBytes { HTTPHeadParser.parse($0, limits: limits) }
}

func parseHead(_ text: String, limits: HTTPLimits = HTTPLimits()) -> HTTPHeadParser.Result {
    parseHead(bytes(text), limits: limits)
}

extension HTTPHeadParser.Result {
    var head: HTTPRequestHead? {
        if case .complete(let head, _) = self { return head }
        return nil
    }

    var consumed: Int? {
        if case .complete(_, let consumed) = self { return consumed }
        return nil
    }

    var failure: HTTPRequestFailure? {
        if case .failed(let failure) = self { return failure }
        return nil
    }

    var isIncomplete: Bool {
        if case .incomplete = self { return true }
        return false
    }

    var isMalformed: Bool {
        if case .failed(.malformed) = self { return true }
        return false
    }
}

/// Answers every request with a body that echoes what the HTTP layer handed over, so a test can
/// check framing and order without any shared state. `/close` asks to close, `/empty` is a 204.
struct EchoResponder: HTTPResponder {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        switch request.rawPath {
        case "/empty":
            return HTTPResponse(status: 204)
        case "/close":
            return HTTPResponse(status: 200, headers: [("X-Path", request.rawPath)], body: bytes("bye"), closesConnection: true)
        default:
            let query = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
            let text = "\(request.method) \(request.rawPath) q=\(query) body=\(String(decoding: request.body, as: UTF8.self))"
            return HTTPResponse(status: 200, headers: [("X-Path", request.rawPath)], body: bytes(text))
        }
    }

    func respond(to failure: HTTPRequestFailure) -> HTTPResponse {
        HTTPResponse(status: failure.status, headers: [("X-Failure", "yes")], body: bytes("failure \(failure.status)"), closesConnection: true)
    }
}

/// One `HTTPConnection` fed by hand; collects everything it queues for writing.
final class ConnectionDriver {
    let connection: HTTPConnection
    private(set) var written: [UInt8] = []
    private(set) var decisions: [ConnectionDecision] = []

    init(limits: HTTPLimits = HTTPLimits()) {
        connection = HTTPConnection(responder: EchoResponder(), limits: limits, resources: HTTPLoopResources(compressionThreshold: nil),
            context: ConnectionContext(loopIndex: 0, peer: nil, isSecure: false))
    }

    @discardableResult
    func feed(_ input: [UInt8]) -> ConnectionDecision {
        var queue = OutputQueue()
        let decision = input.withUnsafeBytes { connection.received($0, output: &queue) }
        written += queue.unsentBytes
        decisions.append(decision)
        return decision
    }

    @discardableResult
    func feed(_ text: String) -> ConnectionDecision { feed(bytes(text)) }

    /// Feeds `input` one byte per `received` call, stopping (as the socket layer does) once the
    /// connection says it will close; returns the last decision.
    @discardableResult
    func feedBytewise(_ input: [UInt8]) -> ConnectionDecision {
        var last = ConnectionDecision.keepOpen
        for byte in input where !last.closes { last = feed([byte]) }
        return last
    }

    var responses: [ParsedResponse] {
        get throws { try ParsedResponse.split(written, headRequests: headRequests) }
    }

    /// Indexes (in response order) of responses to HEAD requests, which carry no body.
    var headRequests: Set<Int> = []
}

extension ConnectionDecision {
    var closes: Bool {
        if case .closeAfterWriting = self { return true }
        return false
    }
}

struct ResponseParseError: Error, CustomStringConvertible {
    let description: String
}

/// A response as written on the wire, split back out of the output stream.
struct ParsedResponse {
    var statusLine: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    var status: Int { Int(statusLine.split(separator: " ")[1])! }
    var version: String { String(statusLine.split(separator: " ")[0]) }
    var bodyText: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    func headers(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    static func split(_ stream: [UInt8], headRequests: Set<Int> = []) throws -> [ParsedResponse] {
        var responses: [ParsedResponse] = []
        var offset = 0
        while offset < stream.count {
            guard let end = find(bytes("\r\n\r\n"), in: stream, from: offset) else {
                throw ResponseParseError(description: "unterminated response head at \(offset)")
            }
            let headText = String(decoding: stream[offset..<end], as: UTF8.self)
            var lines = headText.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
            let statusLine = lines.removeFirst()
            let headers = try lines.map { line -> (name: String, value: String) in
                guard let colon = line.firstIndex(of: ":") else { throw ResponseParseError(description: "bad header line \(line)") }
                return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: " "))
            }
            offset = end + 4
            var response = ParsedResponse(statusLine: statusLine, headers: headers, body: [])
            let isInterim = (100..<200).contains(response.status)
            if !isInterim, !headRequests.contains(responses.count), let length = response.header("Content-Length").flatMap({ Int($0) }) {
                guard offset + length <= stream.count else { throw ResponseParseError(description: "body shorter than Content-Length") }
                response.body = Array(stream[offset..<(offset + length)])
                offset += length
            }
            responses.append(response)
        }
        return responses
    }
}

func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    var index = start
    while index + needle.count <= haystack.count {
        if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
        index += 1
    }
    return nil
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.first == set { text = text.dropFirst() }
        while text.last == set { text = text.dropLast() }
        return String(text)
    }
}
