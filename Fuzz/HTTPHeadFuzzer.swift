// libFuzzer target: the request head parser, chunked decoder and target decoder over arbitrary bytes.
// Built by scripts/fuzz from the parser's own source files (no sockets involved).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPHead(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    var limits = HTTPLimits()
    limits.maxBodyBytes = 64 * 1024
    var previous = HTTPHeadParser.Previous()
    switch HTTPHeadParser.parse(bytes, limits: limits, previous: &previous) {
    case .complete(let head, let consumed):
        precondition(consumed <= size, "consumed past the end")
        // What follows, read after this head, reads as it does alone: the previous head only saves work.
        let rest = UnsafeRawBufferPointer(rebasing: bytes[consumed...])
        let after = HTTPHeadParser.parse(rest, limits: limits, previous: &previous)
        precondition(summary(after) == summary(HTTPHeadParser.parse(rest, limits: limits)), "the previous head changed a reading")
        _ = RequestTarget.parse(head.target)
        if head.bodyFraming == .chunked {
            var decoder = ChunkedBodyDecoder()
            var body: [UInt8] = []
            let rest = UnsafeRawBufferPointer(rebasing: bytes[consumed...])
            if case .success(.finished(let used)) = decoder.decode(rest, into: &body, limit: limits.maxBodyBytes) {
                precondition(used <= rest.count, "chunked decoder consumed past the end")
            }
            precondition(body.count <= limits.maxBodyBytes, "body over the limit")
        }
    case .incomplete, .failed:
        break
    }
    return 0
}

/// Everything a reading says, as text to compare.
private func summary(_ result: HTTPHeadParser.Result) -> String {
    switch result {
    case .incomplete: return "incomplete"
    case .failed(let failure): return "failed \(failure)"
    case .complete(let head, let consumed):
        return "\(consumed) \(head.method) \(head.target) \(head.version) \(head.headers.fields) \(head.bodyFraming) \(head.keepAlive) \(head.expectsContinue)"
    }
}
