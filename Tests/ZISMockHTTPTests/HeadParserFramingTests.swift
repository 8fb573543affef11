import Testing
@testable import ZISMockHTTP

@Suite("Head parser: body framing, Expect")
struct HeadParserFramingTests {
    func head(_ headers: String, version: String = "HTTP/1.1") -> HTTPHeadParser.Result {
        parseHead("POST /p \(version)\r\nHost: h\r\n\(headers)\r\n")
    }

    @Test func contentLengthFramesTheBody() {
        #expect(head("Content-Length: 12\r\n").head?.bodyFraming == .length(12))
        #expect(head("content-length:  7 \r\n").head?.bodyFraming == .length(7))
        #expect(head("Content-Length: 0\r\n").head?.bodyFraming == HTTPRequestHead.BodyFraming.none)
        #expect(head("").head?.bodyFraming == HTTPRequestHead.BodyFraming.none)
    }

    @Test(arguments: ["-1", "+5", "5 5", "5,5", "0x10", "", "1e3", "12345678901234567890", "５"])
    func refusesContentLengthsThatAreNotDigits(value: String) {
        #expect(head("Content-Length: \(value)\r\n").isMalformed, "\(value.debugDescription)")
    }

    @Test func refusesRepeatedContentLength() {
        #expect(head("Content-Length: 5\r\nContent-Length: 5\r\n").isMalformed)
        #expect(head("Content-Length: 5\r\nContent-Length: 6\r\n").isMalformed)
    }

    @Test func refusesContentLengthOverTheBodyLimit() {
        var limits = HTTPLimits()
        limits.maxBodyBytes = 100
        #expect(parseHead("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n", limits: limits).head?.bodyFraming == .length(100))
        #expect(parseHead("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 101\r\n\r\n", limits: limits).failure == .payloadTooLarge)
        #expect(head("Content-Length: 999999999999999999\r\n").failure == .payloadTooLarge)
    }

    @Test func chunkedIsCaseInsensitive() {
        #expect(head("Transfer-Encoding: chunked\r\n").head?.bodyFraming == .chunked)
        #expect(head("Transfer-Encoding:  Chunked \r\n").head?.bodyFraming == .chunked)
    }

    @Test func refusesContentLengthWithTransferEncoding() {
        #expect(head("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n").isMalformed)
        #expect(head("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n").isMalformed)
    }

    @Test(arguments: ["gzip", "gzip, chunked", "chunked, gzip", "identity", "deflate"])
    func refusesCodingsOtherThanChunked(coding: String) throws {
        let failure = try #require(head("Transfer-Encoding: \(coding)\r\n").failure)
        #expect(failure.status == 501)
        guard case .unsupportedTransferCoding = failure else {
            Issue.record("expected unsupportedTransferCoding, got \(failure)")
            return
        }
    }

    @Test func refusesChunkedSplitOverTwoHeadersOnlyWhenNotJustChunked() {
        // `Transfer-Encoding: gzip` + `Transfer-Encoding: chunked` is gzip,chunked: refused.
        #expect(head("Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n").failure?.status == 501)
    }

    @Test func refusesTransferEncodingInHTTP10() {
        #expect(parseHead("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n").isMalformed)
    }

    @Test func expectContinueIsRecognised() {
        #expect(head("Content-Length: 3\r\nExpect: 100-continue\r\n").head?.expectsContinue == true)
        #expect(head("Content-Length: 3\r\nExpect: 100-Continue\r\n").head?.expectsContinue == true)
        #expect(head("Content-Length: 3\r\n").head?.expectsContinue == false)
    }

    @Test func aRepeatedExpectFails() {
        #expect(head("Content-Length: 3\r\nExpect: 100-continue\r\nExpect: 100-continue\r\n").failure == .expectationFailed)
    }

    @Test func otherExpectationsFail() {
        #expect(head("Expect: 200-ok\r\n").failure == .expectationFailed)
        #expect(head("Expect: 200-ok\r\n").failure?.status == 417)
    }
}
