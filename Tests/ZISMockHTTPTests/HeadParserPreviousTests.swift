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
        "GET /a HTTP/1.1\r\nHost: one.example\r\nAuthorization: Bearer abc\r\nX-Custom: v\r\n\r\n",  // the whole head
        "GET /a HTTP/1.1\r\nHost: one.example\r\nAuthorization: Bearer abc\r\nX-Custom: v\r\n\r\nGET",  // and the next's start
        "GET /a HTTP/1.1\r\nHost: one.example\r\n\r\n",  // the same line, fewer fields
        "GET /a HTTP/1.0\r\nHost: one.example\r\nAuthorization: Bearer abc\r\nX-Custom: v\r\n\r\n",  // the same fields, another version
        "POST /a HTTP/1.1\r\nHost: one.example\r\nAuthorization: Bearer abc\r\nX-Custom: v\r\n\r\n",  // the same fields, another method
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
        ("GET /a HTTP/1.0\r\n\r\n", "GET /a HTTP/1.0\r\n\r\n"),  // no fields, repeated
        ("GET /a HTTP/1.0\r\n\r\n", "GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"),
        ("GET /a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", "GET /b HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"),
        ("POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n",
         "POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"),
    ])
    func framesAsIfParsedAlone(previous: String, next: String) throws {
        try expectSameHead(next, parsedAfter: previous)
    }

    /// A head cut short after the previous head's line, or inside its fields, waits for more;
    /// a refused head is refused as it would be alone, and leaves the previous head in place.
    @Test func repeatedBytesDecideNothingBeforeTheHeadIsWhole() throws {
        var previous = HTTPHeadParser.Previous()
        let first = "GET /a HTTP/1.1\r\nHost: h\r\nX: 1\r\n\r\n"
        _ = try #require(bytes(first).withUnsafeBytes { HTTPHeadParser.parse($0, limits: HTTPLimits(), previous: &previous) }.head)
        func result(_ text: String) -> HTTPHeadParser.Result {
            bytes(text).withUnsafeBytes { HTTPHeadParser.parse($0, limits: HTTPLimits(), previous: &previous) }
        }
        for cut in ["GET /a HTTP/1.1\r\n", "GET /a HTTP/1.1\r\nHost: h\r\nX: 1\r\n\r", "GET /a HTTP/1.1\r\nHost: h\r\nX: 1\r\n"] {
            guard case .incomplete = result(cut) else {
                Issue.record("\(cut.debugDescription) was not incomplete")
                continue
            }
        }
        guard case .failed(.malformed) = result("GET /a HTTP/1.1\r\nHost: h\r\nX: 1\r\nBad Name: v\r\n\r\n") else {
            Issue.record("a bad field after the repeated ones was not refused")
            return
        }
        let again = try #require(result(first).head)
        #expect(again.headers.fields.map(\.value) == ["h", "1"] && again.target == "/a")
    }

    private func expectSameHead(_ next: String, parsedAfter previousText: String) throws {
        var previous = HTTPHeadParser.Previous()
        _ = try #require(bytes(previousText).withUnsafeBytes { HTTPHeadParser.parse($0, limits: HTTPLimits(), previous: &previous) }.head)
        let alone = try #require(parseHead(next).head)
        let withPrevious = try #require(bytes(next).withUnsafeBytes { HTTPHeadParser.parse($0, limits: HTTPLimits(), previous: &previous) }.head)
        #expect(withPrevious.headers.fields.map { "\($0.name)=\($0.value)" } == alone.headers.fields.map { "\($0.name)=\($0.value)" })
        #expect(withPrevious.headers["host"] == alone.headers["host"])
        #expect(withPrevious.target == alone.target && withPrevious.method == alone.method && withPrevious.version == alone.version)
        #expect(withPrevious.bodyFraming == alone.bodyFraming)
        #expect(withPrevious.keepAlive == alone.keepAlive && withPrevious.expectsContinue == alone.expectsContinue)
    }
}
