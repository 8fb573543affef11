import Testing
@testable import ZISMockHTTP

@Suite("Head parser: well-formed requests")
struct HeadParserTests {
    static let simpleGet = "GET /api/x?y=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\nX-Empty:\r\n\r\n"

    @Test func parsesASimpleGet() throws {
        let result = parseHead(Self.simpleGet)
        let head = try #require(result.head)
        #expect(head.method == "GET")
        #expect(head.target == "/api/x?y=1")
        #expect(head.version == .http11)
        #expect(head.headers.fields.map(\.name) == ["Host", "Accept", "X-Empty"])
        #expect(head.headers["host"] == "example.com")
        #expect(head.headers["Accept"] == "*/*")
        #expect(head.headers["X-Empty"] == "")
        #expect(head.bodyFraming == .none)
        #expect(head.keepAlive)
        #expect(!head.expectsContinue)
        #expect(result.consumed == Self.simpleGet.utf8.count)
    }

    @Test func trimsOptionalWhitespaceAroundValues() throws {
        let head = try #require(parseHead("GET / HTTP/1.1\r\nHost:   example.com \t \r\nX-A:\tv  w\t\r\n\r\n").head)
        #expect(head.headers["Host"] == "example.com")
        #expect(head.headers["X-A"] == "v  w")
    }

    @Test func keepsObsTextInValues() throws {
        let input = bytes("GET / HTTP/1.1\r\nHost: h\r\nX-Name: caf") + [0xC3, 0xA9] + bytes("\r\n\r\n")
        let head = try #require(parseHead(input).head)
        #expect(head.headers["X-Name"] == "café")
    }

    @Test func consumesOnlyTheHeadWhenMoreBytesFollow() {
        let next = "POST /next HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
        let result = parseHead(Self.simpleGet + next)
        #expect(result.consumed == Self.simpleGet.utf8.count)
    }

    @Test func http10NeedsNoHostAndClosesByDefault() throws {
        let head = try #require(parseHead("GET / HTTP/1.0\r\n\r\n").head)
        #expect(head.version == .http10)
        #expect(!head.keepAlive)
        let keepAlive = try #require(parseHead("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").head)
        #expect(keepAlive.keepAlive)
    }

    @Test func connectionCloseEndsKeepAliveAmongOtherOptions() throws {
        let head = try #require(parseHead("GET / HTTP/1.1\r\nHost: h\r\nConnection: upgrade, CLOSE\r\n\r\n").head)
        #expect(!head.keepAlive)
        let kept = try #require(parseHead("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive\r\n\r\n").head)
        #expect(kept.keepAlive)
    }

    @Test func skipsLeadingEmptyLines() throws {
        let input = "\r\n\r\n" + Self.simpleGet
        let result = parseHead(input)
        #expect(result.head?.method == "GET")
        #expect(result.consumed == input.utf8.count)
    }

    @Test(arguments: ["GET", "HEAD", "POST", "PATCH", "DELETE", "OPTIONS", "M-SEARCH", "X_CUSTOM!"])
    func acceptsTokenMethods(method: String) throws {
        let head = try #require(parseHead("\(method) / HTTP/1.1\r\nHost: h\r\n\r\n").head)
        #expect(head.method == method)
    }

    @Test func acceptsAsteriskAndAbsoluteTargets() throws {
        #expect(parseHead("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n").head?.target == "*")
        #expect(parseHead("GET http://h.example/a?b HTTP/1.1\r\nHost: h\r\n\r\n").head?.target == "http://h.example/a?b")
    }

    @Test func everyPrefixIsIncompleteAndTheWholeIsComplete() {
        let requests = [
            Self.simpleGet,
            "\r\n" + Self.simpleGet,
            "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n",
            "GET / HTTP/1.0\r\n\r\n",
        ]
        for request in requests {
            let input = bytes(request)
            for length in 0..<input.count {
                let result = parseHead(Array(input[..<length]))
                #expect(result.isIncomplete, "prefix of \(length) bytes of \(request.debugDescription) gave \(result)")
            }
            #expect(parseHead(input).consumed == input.count)
        }
    }

    @Test func duplicateHeadersAreKeptInOrder() throws {
        let head = try #require(parseHead("GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nx-a: 2\r\n\r\n").head)
        #expect(head.headers.values("X-A") == ["1", "2"])
        #expect(head.headers["X-A"] == "1")
    }
}

@Suite("Head parser: refusals")
struct HeadParserRefusalTests {
    @Test(arguments: [
        "GET / HTTP/1.1\nHost: h\n\n",  // bare LF ends the request line
        "GET / HTTP/1.1\r\nHost: h\n\r\n",  // bare LF ends a header line
        "GET / HTTP/1.1\r\nHost: h\r\n\n",  // bare LF as the blank line
        "GET / HTTP/1.1\rHost: h\r\n\r\n",  // bare CR
        "GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n",  // bare CR inside a header line
        "GET / HTTP/1.1\r\nHost: h\r\n\rX\r\n",  // CR not followed by LF at the blank line
    ])
    func refusesBareLineEndings(request: String) {
        #expect(parseHead(request).isMalformed, "\(request.debugDescription)")
    }

    @Test(arguments: [UInt8(0x00), 0x01, 0x09, 0x0B, 0x1F, 0x7F, 0x80, 0xFF])
    func refusesControlAndNonASCIIBytesInTheTarget(byte: UInt8) {
        let input = bytes("GET /a") + [byte] + bytes("b HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(parseHead(input).isMalformed)
    }

    @Test(arguments: [UInt8(0x00), 0x01, 0x7F, 0x20, 0x09, UInt8(ascii: "("), UInt8(ascii: "/"), 0xC3])
    func refusesBadBytesInHeaderNames(byte: UInt8) {
        let input = bytes("GET / HTTP/1.1\r\nHost: h\r\nX-Na") + [byte] + bytes("me: v\r\n\r\n")
        #expect(parseHead(input).isMalformed)
    }

    @Test func refusesWhitespaceBeforeTheColon() {
        #expect(parseHead("GET / HTTP/1.1\r\nHost : h\r\n\r\n").isMalformed)
    }

    @Test func refusesAnEmptyHeaderName() {
        #expect(parseHead("GET / HTTP/1.1\r\nHost: h\r\n: v\r\n\r\n").isMalformed)
    }

    @Test(arguments: [UInt8(0x00), 0x01, 0x0B, 0x7F])
    func refusesControlBytesInHeaderValues(byte: UInt8) {
        let input = bytes("GET / HTTP/1.1\r\nHost: h\r\nX: a") + [byte] + bytes("b\r\n\r\n")
        #expect(parseHead(input).isMalformed)
    }

    @Test func refusesObsoleteLineFolding() {
        #expect(parseHead("GET / HTTP/1.1\r\nHost: h\r\nX-A: one\r\n two\r\n\r\n").isMalformed)
        #expect(parseHead("GET / HTTP/1.1\r\nHost: h\r\nX-A: one\r\n\ttwo\r\n\r\n").isMalformed)
        // A fold before any header is whitespace at the start of the header block.
        #expect(parseHead("GET / HTTP/1.1\r\n Host: h\r\n\r\n").isMalformed)
    }

    @Test(arguments: [
        " GET / HTTP/1.1\r\nHost: h\r\n\r\n",  // leading space
        "GET  / HTTP/1.1\r\nHost: h\r\n\r\n",  // two spaces
        "GET / HTTP/1.1 \r\nHost: h\r\n\r\n",  // trailing space
        "GET /\r\nHost: h\r\n\r\n",  // HTTP/0.9 style
        "GET / http/1.1\r\nHost: h\r\n\r\n",  // lower-case version
        "GET / HTTX/1.1\r\nHost: h\r\n\r\n",
        "GET / HTTP/1.x\r\nHost: h\r\n\r\n",
        "GET\t/ HTTP/1.1\r\nHost: h\r\n\r\n",
        "G(T / HTTP/1.1\r\nHost: h\r\n\r\n",
    ])
    func refusesMalformedRequestLines(request: String) {
        #expect(parseHead(request).isMalformed, "\(request.debugDescription)")
    }

    @Test func http11RequiresExactlyOneHost() {
        #expect(parseHead("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n").isMalformed)
        #expect(parseHead("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").isMalformed)
        #expect(parseHead("GET / HTTP/1.1\r\nHost:\r\n\r\n").head != nil, "an empty Host is allowed (RFC 9112 §3.2)")
    }

    @Test(arguments: ["PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "GET / HTTP/2.0\r\nHost: h\r\n\r\n", "GET / HTTP/1.2\r\nHost: h\r\n\r\n", "GET / HTTP/3\r\n"])
    func refusesOtherVersions(request: String) {
        #expect(parseHead(request).failure == .versionNotSupported, "\(request.debugDescription)")
    }

    @Test func refusesTheHTTP2PrefaceAsSoonAsTheVersionIsSeen() {
        #expect(parseHead("PRI * HTTP/2").failure == .versionNotSupported)
    }

    @Test func refusesATLSClientHelloAtOnce() {
        // Record header (handshake, TLS 1.0 record version, length), then the ClientHello start.
        let hello: [UInt8] = [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03] + Array(repeating: 0x42, count: 32)
        #expect(parseHead(hello).isMalformed)
        #expect(parseHead([0x16]).isMalformed, "the first byte already cannot start a method")
        #expect(parseHead([0x16, 0x03, 0x01]).isMalformed)
    }
}
