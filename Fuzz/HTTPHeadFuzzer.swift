// libFuzzer target: the request head parser, chunked decoder and target decoder over arbitrary bytes.
// Built by scripts/fuzz from the parser's own source files (no sockets involved).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPHead(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    var limits = HTTPLimits()
    limits.maxBodyBytes = 64 * 1024
    switch HTTPHeadParser.parse(bytes, limits: limits) {
    case .complete(let head, let consumed):
        precondition(consumed <= size, "consumed past the end")
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
