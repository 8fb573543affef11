import ZISMockSockets

/// HTTP/1.1 on one connection: frames requests out of the byte stream, answers each in order
/// (pipelining falls out of answering synchronously), and keeps only the bytes of an unfinished request.
final class HTTPConnection: ConnectionHandler {
    private let responder: any HTTPResponder
    private let limits: HTTPLimits
    private let encoder: HTTPResponseEncoder
    private let compression: ResponseCompression?
    private let isSecure: Bool
    private let remoteAddress: String?
    // Unchecked exclusivity: a connection runs on its loop's thread only, one call at a time, and
    // the runtime's checks cost about 100 instructions a request for each of these.
    /// Bytes of a request that has not fully arrived yet.
    @exclusivity(unchecked) private var pending: [UInt8] = []
    @exclusivity(unchecked) private var state = State.awaitingHead
    @exclusivity(unchecked) private var body: [UInt8] = []
    /// The last head, which the next reuses where it repeats it (`HTTPHeadParser.Previous`).
    @exclusivity(unchecked) private var previousHead = HTTPHeadParser.Previous()
    /// The last target parsed, which the next request's repeats (`RequestTarget.parse(_:repeating:)`).
    @exclusivity(unchecked) private var previousTarget: RequestTarget?
    /// A fault asked for the connection to end with a reset rather than a close.
    private var endsWithReset = false

    /// The states with a request in them are boxed (`indirect`): unboxed, the state was as big as
    /// a head and a target, and every request copied it (memcpy) to switch on it and to set it.
    private enum State {
        case awaitingHead
        indirect case readingBody(HTTPRequestHead, RequestTarget, remaining: Int)
        indirect case readingChunks(HTTPRequestHead, RequestTarget, ChunkedBodyDecoder)
        case closed
    }

    init(responder: any HTTPResponder, limits: HTTPLimits, resources: HTTPLoopResources, context: ConnectionContext) {
        self.responder = responder
        self.isSecure = context.isSecure
        self.remoteAddress = context.peer?.description
        self.limits = limits
        self.encoder = HTTPResponseEncoder(dates: resources.dates, memo: resources.heads)
        self.compression = resources.compression
    }

    var isMidRequest: Bool {
        if case .awaitingHead = state { return !pending.isEmpty }
        if case .closed = state { return false }
        return true
    }

    func received(_ bytes: UnsafeRawBufferPointer, output: inout OutputQueue) -> ConnectionDecision {
        if pending.isEmpty {
            let consumed = process(bytes, output: &output)
            if consumed < bytes.count, !isClosed { pending.append(contentsOf: bytes[consumed...]) }
        } else {
            pending.append(contentsOf: bytes)
            let buffered = pending
            let consumed = buffered.withUnsafeBytes { process($0, output: &output) }
            pending = isClosed ? [] : Array(buffered[consumed...])
        }
        guard isClosed else { return .keepOpen }
        return endsWithReset ? .resetAfterWriting : .closeAfterWriting
    }

    private var isClosed: Bool {
        if case .closed = state { return true }
        return false
    }

    /// Handles as many whole requests as `bytes` holds; returns how many bytes it used.
    private func process(_ bytes: UnsafeRawBufferPointer, output: inout OutputQueue) -> Int {
        var offset = 0
        while true {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[offset...])
            switch state {
            case .closed:
                return bytes.count
            case .awaitingHead:
                guard !rest.isEmpty else { return offset }
                switch HTTPHeadParser.parse(rest, limits: limits, previous: &previousHead) {
                case .incomplete:
                    return offset
                case .failed(let failure):
                    refuse(failure, output: &output)
                case .complete(let head, let consumed):
                    offset += consumed
                    begin(head, output: &output)
                }
            case .readingBody(let head, let target, let remaining):
                let take = min(remaining, rest.count)
                body.append(contentsOf: rest[0..<take])
                offset += take
                guard take == remaining else {
                    state = .readingBody(head, target, remaining: remaining - take)
                    return offset
                }
                finish(head, target, output: &output)
            case .readingChunks(let head, let target, var decoder):
                state = .awaitingHead  // the decoder is moved out so it is not copied on every chunk
                switch decoder.decode(rest, into: &body, limit: limits.maxBodyBytes) {
                case .failure(let failure):
                    refuse(failure, output: &output)
                case .success(.needMore):
                    state = .readingChunks(head, target, decoder)
                    return bytes.count
                case .success(.finished(let consumed)):
                    offset += consumed
                    finish(head, target, output: &output)
                }
            }
        }
    }

    private func begin(_ head: HTTPRequestHead, output: inout OutputQueue) {
        let target: RequestTarget
        switch RequestTarget.parse(head.target, repeating: &previousTarget) {
        case .failure(let failure):
            refuse(failure, output: &output)
            return
        case .success(let parsed):
            target = parsed
        }
        if head.expectsContinue, head.bodyFraming != .none { output.append("HTTP/1.1 100 Continue\r\n\r\n") }
        body = []
        switch head.bodyFraming {
        case .none: finish(head, target, output: &output)
        case .length(let length): state = .readingBody(head, target, remaining: length)
        case .chunked: state = .readingChunks(head, target, ChunkedBodyDecoder())
        }
    }

    private func finish(_ head: HTTPRequestHead, _ target: RequestTarget, output: inout OutputQueue) {
        let decoded: [UInt8]
        switch RequestBodyEncoding.decode(body, contentEncoding: head.headers["Content-Encoding"], limit: limits.maxBodyBytes) {
        case .failure(let failure):
            refuse(failure, output: &output)
            return
        case .success(let bytes):
            decoded = bytes
        }
        let request = HTTPRequest(
            method: head.method, target: target.raw, path: target.path, query: target.query, version: head.version,
            headers: head.headers, body: decoded, isSecure: isSecure, remoteAddress: remoteAddress, pathMemo: target.memo)
        body = []
        var response = responder.respond(to: request)
        compression?.apply(to: &response, acceptEncoding: head.headers["Accept-Encoding"])
        if response.delayMilliseconds > 0 { output.hold(forMilliseconds: response.delayMilliseconds) }
        if let misbehaviour = response.misbehaviour {
            misbehave(misbehaviour, response: response, head: head, output: &output)
            return
        }
        let keepAlive = head.keepAlive && !response.closesConnection
        output.append(encoder.head(for: response, version: head.version, keepAlive: keepAlive))
        if head.method != "HEAD", !HTTPStatus.forbidsBody(response.status) { output.append(response.body) }
        state = keepAlive ? .awaitingHead : .closed
    }

    /// Ends the connection the way a broken server or network would; responses queued before
    /// this one still go out first.
    private func misbehave(_ misbehaviour: HTTPResponse.Misbehaviour, response: HTTPResponse, head: HTTPRequestHead, output: inout OutputQueue) {
        state = .closed
        pending = []
        switch misbehaviour {
        case .drop:
            break
        case .reset:
            endsWithReset = true
        case .truncateBody:
            output.append(encoder.head(for: response, version: head.version, keepAlive: false))
            output.append(Array(response.body.prefix(response.body.count / 2)))
        }
    }

    private func refuse(_ failure: HTTPRequestFailure, output: inout OutputQueue) {
        let response = responder.respond(to: failure)
        output.append(encoder.head(for: response, version: .http11, keepAlive: false))
        output.append(response.body)
        state = .closed
        pending = []
    }
}
