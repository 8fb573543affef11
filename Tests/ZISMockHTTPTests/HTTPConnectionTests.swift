import Testing
@testable import ZISMockHTTP

@Suite("HTTPConnection: framing, pipelining, errors")
struct HTTPConnectionTests {
    @Test func answersOneRequest() throws {
        let driver = ConnectionDriver()
        #expect(!driver.connection.isMidRequest)
        let decision = driver.feed("GET /a?x=1 HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(!decision.closes)
        #expect(!driver.connection.isMidRequest)
        let responses = try driver.responses
        try #require(responses.count == 1)
        let response = responses[0]
        #expect(response.statusLine == "HTTP/1.1 200 OK")
        #expect(response.bodyText == "GET /a q=x=1 body=")
        #expect(response.header("Content-Length") == "\(response.body.count)")
        #expect(response.header("Date")?.hasSuffix(" GMT") == true)
        #expect(response.header("Connection") == nil, "HTTP/1.1 keep-alive is the default; no header needed")
        #expect(response.headers.map(\.name) == ["Date", "X-Path", "Content-Length"])
    }

    @Test func answersPipelinedRequestsInOrder() throws {
        let driver = ConnectionDriver()
        let stream = "GET /one HTTP/1.1\r\nHost: h\r\n\r\n"
            + "POST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
            + "POST /three HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
            + "\r\n"  // stray CRLF after a body is allowed
            + "GET /four?b=2&a=1 HTTP/1.1\r\nHost: h\r\n\r\n"
            + "DELETE /five HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n"
        #expect(!driver.feed(stream).closes)
        let bodies = try driver.responses.map(\.bodyText)
        #expect(bodies == ["GET /one q= body=", "POST /two q= body=hello", "POST /three q= body=abcde", "GET /four q=b=2&a=1 body=", "DELETE /five q= body="])
        #expect(!driver.connection.isMidRequest)
    }

    @Test func keepsAPartialRequestUntilTheRestArrives() throws {
        let driver = ConnectionDriver()
        let first = "GET /one HTTP/1.1\r\nHost: h\r\n\r\n"
        let second = "POST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nxyz"
        driver.feed(first + "POST /tw")
        #expect(try driver.responses.count == 1)
        #expect(driver.connection.isMidRequest)
        driver.feed(String(second.dropFirst(8)))
        #expect(try driver.responses.map(\.bodyText) == ["GET /one q= body=", "POST /two q= body=xyz"])
        #expect(!driver.connection.isMidRequest)
    }

    @Test(arguments: [
        "GET /split?q=%5B1%5D HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n",
        "\r\nPOST /split HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world",
        "POST /split HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;e=1\r\nhello\r\n6\r\n world\r\n0\r\nT: v\r\n\r\n",
    ])
    func aRequestSplitIntoSingleBytesIsAnsweredOnce(request: String) throws {
        let driver = ConnectionDriver()
        let input = bytes(request)
        for (index, byte) in input.enumerated() {
            let decision = driver.feed([byte])
            #expect(!decision.closes)
            if index < input.count - 1 {
                #expect(driver.written.isEmpty, "answered after \(index + 1) of \(input.count) bytes")
                #expect(driver.connection.isMidRequest, "not mid-request after \(index + 1) bytes")
            }
        }
        let responses = try driver.responses
        try #require(responses.count == 1)
        #expect(responses[0].status == 200)
        #expect(responses[0].bodyText.hasSuffix(request.contains("hello") ? "body=hello world" : "body="))
        #expect(!driver.connection.isMidRequest)
    }

    @Test func everyTwoWaySplitOfAPipelinedStreamGivesTheSameAnswers() throws {
        let stream = bytes(
            "GET /a HTTP/1.1\r\nHost: h\r\n\r\nPOST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhi"
                + "PUT /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n")
        let expected = ["GET /a q= body=", "POST /b q= body=hi", "PUT /c q= body=x"]
        for split in 1..<stream.count {
            let driver = ConnectionDriver()
            driver.feed(Array(stream[..<split]))
            driver.feed(Array(stream[split...]))
            #expect(try driver.responses.map(\.bodyText) == expected, "split at \(split)")
        }
    }

    @Test func connectionCloseIsHonouredAndLaterRequestsAreIgnored() throws {
        let driver = ConnectionDriver()
        let decision = driver.feed("GET /a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(decision.closes)
        let responses = try driver.responses
        #expect(responses.count == 1)
        #expect(responses.first?.header("Connection") == "close")
        #expect(responses.first?.bodyText == "GET /a q= body=")
    }

    @Test func aResponderCanCloseTheConnection() throws {
        let driver = ConnectionDriver()
        #expect(driver.feed("GET /close HTTP/1.1\r\nHost: h\r\n\r\n").closes)
        #expect(try driver.responses.first?.header("Connection") == "close")
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
        let plain = ConnectionDriver()
        #expect(plain.feed("GET /a HTTP/1.0\r\n\r\n").closes)
        let closing = try plain.responses
        #expect(closing.first?.statusLine == "HTTP/1.0 200 OK")
        #expect(closing.first?.header("Connection") == "close")

        let kept = ConnectionDriver()
        #expect(!kept.feed("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").closes)
        let response = try kept.responses
        #expect(response.first?.statusLine == "HTTP/1.0 200 OK")
        #expect(response.first?.header("Connection") == "keep-alive")
    }

    @Test func headGetsTheHeadOfAGetWithoutItsBody() throws {
        let get = ConnectionDriver()
        get.feed("GET /same HTTP/1.1\r\nHost: h\r\n\r\n")
        let head = ConnectionDriver()
        head.feed("HEAD /same HTTP/1.1\r\nHost: h\r\n\r\nGET /next HTTP/1.1\r\nHost: h\r\n\r\n")
        head.headRequests = [0]
        let getResponse = try #require(try get.responses.first)
        let responses = try head.responses
        try #require(responses.count == 2, "the HEAD response must not carry body bytes that would shift the next response")
        #expect(responses[0].body.isEmpty)
        // The echo body differs by method name (GET/HEAD are both 4 bytes... HEAD is 4, GET is 3).
        #expect(Int(responses[0].header("Content-Length") ?? "") == getResponse.body.count + 1)
        #expect(responses[1].bodyText == "GET /next q= body=")
    }

    @Test func noContentHasNoBodyAndNoLength() throws {
        let driver = ConnectionDriver()
        driver.feed("GET /empty HTTP/1.1\r\nHost: h\r\n\r\nGET /after HTTP/1.1\r\nHost: h\r\n\r\n")
        let responses = try driver.responses
        try #require(responses.count == 2)
        #expect(responses[0].statusLine == "HTTP/1.1 204 No Content")
        #expect(responses[0].header("Content-Length") == nil)
        #expect(responses[1].bodyText == "GET /after q= body=")
    }

    @Test func sendsOneInterimContinueBeforeTheBody() throws {
        let driver = ConnectionDriver()
        #expect(!driver.feed("POST /up HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n").closes)
        #expect(driver.written == bytes("HTTP/1.1 100 Continue\r\n\r\n"))
        #expect(driver.connection.isMidRequest)
        driver.feed("data")
        let responses = try driver.responses
        #expect(responses.map(\.status) == [100, 200])
        #expect(responses.last?.bodyText == "POST /up q= body=data")
    }

    @Test func continueAlsoForChunkedBodiesButNotWithoutABody() throws {
        let chunked = ConnectionDriver()
        chunked.feed("POST /up HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n")
        #expect(chunked.written == bytes("HTTP/1.1 100 Continue\r\n\r\n"))

        let bodiless = ConnectionDriver()
        bodiless.feed("GET /x HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n")
        #expect(try bodiless.responses.map(\.status) == [200])
    }

    @Test func aTooLargeBodyIsRefusedBeforeItArrivesWithoutContinue() throws {
        var limits = HTTPLimits()
        limits.maxBodyBytes = 10
        let driver = ConnectionDriver(limits: limits)
        #expect(driver.feed("POST /up HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n").closes)
        let responses = try driver.responses
        #expect(responses.map(\.status) == [413])
    }

    @Test func aChunkedBodyOverTheLimitIsRefused() throws {
        var limits = HTTPLimits()
        limits.maxBodyBytes = 10
        let driver = ConnectionDriver(limits: limits)
        driver.feed("POST /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n01234\r\n")
        #expect(driver.written.isEmpty)
        #expect(driver.feed("6\r\n").closes)
        #expect(try driver.responses.map(\.status) == [413])
    }

    @Test func aMalformedRequestGetsOneErrorAndCloses() throws {
        let driver = ConnectionDriver()
        let decision = driver.feed("GET / HTTP/1.1\r\nHost: h\r\n\r\nBROKEN\r\n\r\nGET /never HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(decision.closes)
        let responses = try driver.responses
        try #require(responses.count == 2)
        #expect(responses[0].status == 200)
        #expect(responses[1].statusLine == "HTTP/1.1 400 Bad Request")
        #expect(responses[1].header("Connection") == "close")
        #expect(responses[1].header("X-Failure") == "yes")
        #expect(responses[1].bodyText == "failure 400")
        #expect(!driver.connection.isMidRequest)
    }

    @Test(arguments: [
        ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\n", "HTTP/1.1 414 URI Too Long"),
        ("GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "a", count: 17_000), "HTTP/1.1 431 Request Header Fields Too Large"),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2000000\r\n\r\n", "HTTP/1.1 413 Content Too Large"),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", "HTTP/1.1 501 Not Implemented"),
        ("GET / HTTP/1.1\r\nHost: h\r\nExpect: teapot\r\n\r\n", "HTTP/1.1 417 Expectation Failed"),
        ("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "HTTP/1.1 505 HTTP Version Not Supported"),
        ("GET /a%zz HTTP/1.1\r\nHost: h\r\n\r\n", "HTTP/1.1 400 Bad Request"),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "HTTP/1.1 400 Bad Request"),
    ])
    func refusalsAnswerWithTheirStatusAndClose(request: String, statusLine: String) throws {
        let driver = ConnectionDriver()
        #expect(driver.feed(request).closes)
        let responses = try driver.responses
        #expect(responses.map(\.statusLine) == [statusLine])
        #expect(responses.first?.header("Connection") == "close")
    }

    @Test func aRefusalOfAnHTTP10RequestStillClosesCleanly() throws {
        let driver = ConnectionDriver()
        #expect(driver.feed("GET /a%zz HTTP/1.0\r\n\r\n").closes)
        #expect(try driver.responses.map(\.status) == [400])
    }

    @Test func aRefusalAfterBytewiseFeedingIsAnsweredOnce() throws {
        let driver = ConnectionDriver()
        let prefix = "GET / HTTP/1.1\r\nHost: h\r\nBad"
        driver.feedBytewise(bytes(prefix + " Name: v\r\n\r\n"))
        #expect(driver.decisions.last?.closes == true)
        #expect(try driver.responses.map(\.status) == [400])
        #expect(driver.decisions.count == prefix.utf8.count + 1, "refuses at the first bad byte, not later")
    }
}
