import Testing
@testable import ZISMockHTTP

@Suite("Head parser: limits")
struct HeadParserLimitsTests {
    /// A request line of exactly `length` bytes including its CRLF.
    func requestLine(length: Int) -> String {
        let fixed = "GET /".utf8.count + " HTTP/1.1\r\n".utf8.count
        return "GET /" + String(repeating: "a", count: length - fixed) + " HTTP/1.1\r\n"
    }

    @Test func requestLineAtTheLimitIsAccepted() {
        let line = requestLine(length: 8 * 1024)
        #expect(line.utf8.count == 8192)
        #expect(parseHead(line + "Host: h\r\n\r\n").head != nil)
    }

    @Test func requestLineOverTheLimitIsURITooLong() {
        #expect(parseHead(requestLine(length: 8 * 1024 + 1) + "Host: h\r\n\r\n").failure == .uriTooLong)
        #expect(parseHead(requestLine(length: 64 * 1024) + "Host: h\r\n\r\n").failure == .uriTooLong)
    }

    @Test func anUnfinishedLongRequestLineFailsWithoutWaitingForItsEnd() {
        let partial = "GET /" + String(repeating: "a", count: 9000)
        #expect(parseHead(partial).failure == .uriTooLong)
        #expect(parseHead(String(repeating: "A", count: 9000)).failure == .uriTooLong, "an endless method too")
    }

    @Test func headerBytesOverTheLimitAreTooLarge() {
        let big = String(repeating: "v", count: 6000)
        let three = "GET / HTTP/1.1\r\nHost: h\r\nX-A: \(big)\r\nX-B: \(big)\r\nX-C: \(big)\r\n\r\n"
        #expect(parseHead(three).failure == .headersTooLarge)
        let two = "GET / HTTP/1.1\r\nHost: h\r\nX-A: \(big)\r\nX-B: \(big)\r\n\r\n"
        #expect(parseHead(two).head != nil)
    }

    @Test func anUnfinishedHeaderBlockOverTheLimitFailsAtOnce() {
        let endless = "GET / HTTP/1.1\r\nHost: h\r\nX-A: " + String(repeating: "v", count: 17 * 1024)
        #expect(parseHead(endless).failure == .headersTooLarge)
        let manyLines = "GET / HTTP/1.1\r\nHost: h\r\n" + String(repeating: "X-A: 0123456789\r\n", count: 50) + String(repeating: "v", count: 16 * 1024)
        #expect(parseHead(manyLines).failure == .headersTooLarge)
    }

    @Test func moreThan100FieldsAreTooLarge() {
        func request(fields: Int) -> String {
            "GET / HTTP/1.1\r\nHost: h\r\n" + (1..<fields).map { "X-\($0): v\r\n" }.joined() + "\r\n"
        }
        #expect(parseHead(request(fields: 100)).head?.headers.count == 100)
        #expect(parseHead(request(fields: 101)).failure == .headersTooLarge)
    }

    @Test func limitsAreConfigurable() {
        var limits = HTTPLimits()
        limits.maxRequestLineBytes = 32
        limits.maxHeaderBytes = 64
        limits.maxHeaderCount = 3
        #expect(parseHead("GET /0123456789012345678901234 HTTP/1.1\r\nHost: h\r\n\r\n", limits: limits).failure == .uriTooLong)
        #expect(parseHead("GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits).failure == .headersTooLarge)
        #expect(parseHead("GET / HTTP/1.1\r\nHost: h\r\nA: \(String(repeating: "x", count: 80))\r\n\r\n", limits: limits).failure == .headersTooLarge)
        #expect(parseHead("GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\n\r\n", limits: limits).head != nil)
    }

    @Test func failuresMapToTheirStatuses() {
        #expect(HTTPRequestFailure.malformed("x").status == 400)
        #expect(HTTPRequestFailure.uriTooLong.status == 414)
        #expect(HTTPRequestFailure.headersTooLarge.status == 431)
        #expect(HTTPRequestFailure.payloadTooLarge.status == 413)
        #expect(HTTPRequestFailure.unsupportedTransferCoding("gzip").status == 501)
        #expect(HTTPRequestFailure.expectationFailed.status == 417)
        #expect(HTTPRequestFailure.versionNotSupported.status == 505)
    }
}
