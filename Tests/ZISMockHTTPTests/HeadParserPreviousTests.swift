import Testing
@testable import ZISMockHTTP

/// A head parsed with the connection's previous head at hand reads exactly as one parsed alone,
/// whatever the two have in common.
@Suite("Head parser: the previous head's fields")
struct HeadParserPreviousTests {
    static let previous = "GET /a HTTP/1.1\r\nHost: one.example\r\nAuthorization: Bearer abc\r\nX-Custom: v\r\n\r\n"

    @Test(arguments: [
        "GET /b HTTP/1.1\r\nHost: one.example\r\nAuthorization: Bearer abc\r\nX-Custom: v\r\n\r\n",  // every field repeated
        "GET /b HTTP/1.1\r\nHost: one.example\r\nAuthorization: Bearer abd\r\nX-Custom: v\r\n\r\n",  // one value differs
        "GET /b HTTP/1.1\r\nhost: one.example\r\nAuthorization: Bearer abc\r\n\r\n",  // a name's case differs, one fewer
        "GET /b HTTP/1.1\r\nAuthorization: Bearer abc\r\nHost: one.example\r\n\r\n",  // the same fields, moved
        "GET /b HTTP/1.1\r\nHost: one.example   \r\nAuthorization: Bearer ab\r\nX-Custom: v\r\nX-More: w\r\n\r\n",  // trailing blanks, a prefix, one more
        "GET /b HTTP/1.1\r\nHost:\r\nX-Custom: \r\n\r\n",  // empty values
        "GET /b HTTP/1.1\r\nHost: one.example\r\nAuthorization: Bearer abc\r\n\r\n",  // the first two, repeated
        "GET /b HTTP/1.1\r\nHost: one.example\r\nAuthorization: Bearer abc\r\nX-Custom: v\r\nX-More: w\r\n\r\n",  // all, then one more
        "GET /b HTTP/1.0\r\n\r\n",  // none (HTTP/1.0 may leave out Host)
        "GET /a HTTP/1.1\r\nHost: one.example\r\n\r\n",  // the same target
        "GET /ab HTTP/1.1\r\nHost: one.example\r\n\r\n",  // the previous target, then more
        "GET / HTTP/1.1\r\nHost: one.example\r\n\r\n",  // a prefix of the previous target
    ])
    func readsAsIfParsedAlone(next: String) throws {
        try expectSameHead(next, parsedAfter: Self.previous)
    }

    /// Fields that repeat the previous head's all frame the message as they did, in the same
    /// version only.
    @Test(arguments: [
        ("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n", "PUT /b HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n"),
        ("GET /a HTTP/1.1\r\nHost: h\r\nConnection: keep-alive\r\n\r\n", "GET /b HTTP/1.0\r\nHost: h\r\nConnection: keep-alive\r\n\r\n"),
        ("GET /a HTTP/1.0\r\nHost: h\r\n\r\n", "GET /b HTTP/1.1\r\nHost: h\r\n\r\n"),
        ("GET /a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", "GET /b HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"),
        ("POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n",
         "POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"),
    ])
    func framesAsIfParsedAlone(previous: String, next: String) throws {
        try expectSameHead(next, parsedAfter: previous)
    }

    private func expectSameHead(_ next: String, parsedAfter previousText: String) throws {
        let previous = try #require(parseHead(previousText).head)
        let alone = try #require(parseHead(next).head)
        let withPrevious = try #require(bytes(next).withUnsafeBytes { HTTPHeadParser.parse($0, limits: HTTPLimits(), previous: HTTPHeadParser.Previous(previous)) }.head)
        #expect(withPrevious.headers.fields.map { "\($0.name)=\($0.value)" } == alone.headers.fields.map { "\($0.name)=\($0.value)" })
        #expect(withPrevious.headers["host"] == alone.headers["host"])
        #expect(withPrevious.target == alone.target && withPrevious.method == alone.method && withPrevious.version == alone.version)
        #expect(withPrevious.bodyFraming == alone.bodyFraming)
        #expect(withPrevious.keepAlive == alone.keepAlive && withPrevious.expectsContinue == alone.expectsContinue)
    }
}
