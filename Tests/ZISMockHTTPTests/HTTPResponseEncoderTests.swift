import Testing
import ZISMockBasics
@testable import ZISMockHTTP

@Suite("Response head encoder")
struct HTTPResponseEncoderTests {
    let encoder = HTTPResponseEncoder(dates: HTTPDateCache())

    func head(_ response: HTTPResponse, version: HTTPVersion = .http11, keepAlive: Bool = true) -> String {
        String(decoding: encoder.head(for: response, version: version, keepAlive: keepAlive), as: UTF8.self)
    }

    @Test(arguments: [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 19_567, 65_536, 1_048_576, 10_000_000])
    func contentLengthDigits(length: Int) {
        let text = head(HTTPResponse(status: 200, body: [UInt8](repeating: 0x61, count: length)))
        #expect(text.contains("\r\nContent-Length: \(length)\r\n"))
    }

    @Test(arguments: [200, 201, 204, 400, 401, 403, 404, 405, 413, 414, 429, 431, 500, 501, 505])
    func statusLine(status: Int) {
        let text = head(HTTPResponse(status: status))
        #expect(text.hasPrefix("HTTP/1.1 \(status) \(StatusTable.reason(status))\r\nDate: "))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test func layoutAndOrder() {
        let response = HTTPResponse.json(405, Array("{}".utf8), headers: [("Allow", "GET, HEAD")])
        let lines = head(response).split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0] == "HTTP/1.1 405 Method Not Allowed")
        #expect(lines[1].hasPrefix("Date: ") && lines[1].hasSuffix(" GMT"))
        #expect(Array(lines[2...]) == ["Content-Type: application/json; charset=utf-8", "Allow: GET, HEAD", "Content-Length: 2", "", ""])
    }

    @Test func connectionHeaderFollowsVersionAndPersistence() {
        #expect(head(HTTPResponse(status: 200), keepAlive: false).contains("\r\nConnection: close\r\n"))
        #expect(!head(HTTPResponse(status: 200), keepAlive: true).contains("Connection:"))
        #expect(head(HTTPResponse(status: 200), version: .http10, keepAlive: true).contains("\r\nConnection: keep-alive\r\n"))
        #expect(head(HTTPResponse(status: 200), version: .http10, keepAlive: false).hasPrefix("HTTP/1.0 200 OK\r\n"))
    }

    /// The head is written into a buffer sized up front: long and empty fields must fit exactly.
    @Test func longAndEmptyFieldsAreWrittenWhole() {
        let long = String(repeating: "v", count: 5_000)
        let response = HTTPResponse(status: 299, headers: [("X-Long", long), ("X-Empty", ""), ("", "nameless")])
        let lines = head(response).split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "HTTP/1.1 299 \(StatusTable.reason(299))")
        #expect(Array(lines[2...]) == ["X-Long: \(long)", "X-Empty: ", ": nameless", "Content-Length: 0", "", ""])
    }

    @Test func bodilessStatusesHaveNoContentLength() {
        for status in [100, 204, 304] {
            #expect(!head(HTTPResponse(status: status)).contains("Content-Length"), "\(status)")
        }
    }

    @Test func imfFixdate() {
        #expect(HTTPDateCache.imfFixdate(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDateCache.imfFixdate(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}
