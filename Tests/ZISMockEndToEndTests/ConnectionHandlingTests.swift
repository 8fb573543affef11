import Foundation
import Testing
@testable import ZISMockHTTP

/// HTTP/1.1 over real sockets: keep-alive, pipelining, HEAD, HTTP/1.0, closing, and what a
/// real client (Postman) sends.
@Suite("End to end: connection handling")
struct ConnectionHandlingTests {
    @Test func keepAliveServesManyRequestsOnOneConnection() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let statuses = try [
                request(target: "/__admin/health", authorization: nil),
                request(target: Seeded.listPath(query: "page[size]=3")),
                request(target: "/nope"),
                request(target: Seeded.listPath(), authorization: nil),
                request(target: Seeded.listPath(query: "page[size]=0")),
                request(target: "/__admin/health"),
            ].map { try client.exchange($0).status }
            #expect(statuses == [200, 200, 404, 401, 400, 200])
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let sizes = [5, 1, 4, 2, 3]
            try client.send(sizes.map { request(target: Seeded.listPath(query: "page[size]=\($0)")) }.joined())
            for size in sizes {
                let json = try client.readResponse().json()
                let count = ["api_key", "basic_auth", "bearer_token", "oauth"].map { (json[$0] as? [Any])?.count ?? 0 }.reduce(0, +)
                #expect(count == size)
            }
            // Mixed outcomes in one write keep their order too.
            try client.send(request(target: "/nope") + request(target: Seeded.listPath(), authorization: nil)
                + request("HEAD", "/__admin/health") + request(target: "/__admin/health"))
            #expect(try client.readResponse().status == 404)
            #expect(try client.readResponse().status == 401)
            let head = try client.readResponse(head: true)
            #expect(head.status == 200)
            #expect(try client.readResponse().text == #"{"status":"ok"}"#)
        }
    }

    @Test func aRequestDribbledByteByByteIsAnswered() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            for byte in Array(request(target: "/__admin/health").utf8) { try client.send([byte]) }
            #expect(try client.readResponse().status == 200)
            // A stray CRLF after a request, split across writes, must not break the next request.
            try client.send("\r")
            usleep(20_000)
            try client.send("\n" + request(target: "/__admin/health"))
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func http10ClosesAfterTheResponseUnlessKeepAliveIsAsked() throws {
        try withServer { server in
            let plain = try RawHTTPClient(port: server.port)
            let response = try plain.exchange("GET /__admin/health HTTP/1.0\r\n\r\n")
            #expect(response.statusLine == "HTTP/1.0 200 OK")
            #expect(response.header("Connection") == "close")
            #expect(try plain.serverClosed())

            let kept = try RawHTTPClient(port: server.port)
            let first = try kept.exchange("GET /__admin/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(first.statusLine == "HTTP/1.0 200 OK")
            #expect(first.header("Connection") == "keep-alive")
            let list = try kept.exchange(request(target: Seeded.listPath(query: "page[size]=2"), version: "HTTP/1.0", host: nil))
            #expect(list.status == 200)
            #expect(list.header("Connection") == "close")
            #expect(try kept.serverClosed())
        }
    }

    @Test func headHasTheHeadersOfGetAndNoBody() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let get = try client.exchange(request(target: Seeded.listPath()))
            let head = try client.exchange(request("HEAD", Seeded.listPath()), head: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.header("Content-Type") == get.header("Content-Type"))
            #expect(head.body.isEmpty)
            // Had the server sent a body, it would be read here as the next response's head.
            let next = try client.exchange(request(target: "/__admin/health"))
            #expect(next.status == 200)
            #expect(client.bufferedByteCount == 0)
            let unauthorised = try client.exchange(request("HEAD", Seeded.listPath(), authorization: nil), head: true)
            #expect(unauthorised.status == 401)
            #expect(try client.exchange(request(target: "/__admin/health")).status == 200)
        }
    }

    @Test func connectionCloseClosesAfterTheResponse() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            try client.send(request(target: Seeded.listPath(query: "page[size]=1"), headers: ["Connection: close"])
                + request(target: "/__admin/health"))
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.header("Connection") == "close")
            #expect(try client.serverClosed(), "the pipelined request after Connection: close is not answered")
        }
    }

    @Test func aPostmanRequestIsServed() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let postman = [
                "GET \(Seeded.listPath(query: "page%5Bsize%5D=10")) HTTP/1.1",
                "Authorization: Bearer \(Seeded.readWriteToken)",
                "User-Agent: PostmanRuntime/7.39.0",
                "Accept: */*",
                "Cache-Control: no-cache",
                "Postman-Token: 4c8f5a0e-2b1d-4e7a-9f3c-1a2b3c4d5e6f",
                "Host: mysubdomain.zendesk.com",
                "Accept-Encoding: gzip, deflate, br",
                "Connection: keep-alive",
            ].joined(separator: "\r\n") + "\r\n\r\n"
            let response = try client.exchange(postman)
            #expect(response.status == 200)
            #expect(response.header("Content-Encoding") == "gzip", "Postman accepts gzip, and the page is over the 1 KiB threshold")
            #expect(response.header("Vary") == "Accept-Encoding")
            #expect(response.header("Connection") == nil)
            let plain = try client.exchange(request(target: Seeded.listPath(query: "page[size]=10")))
            #expect(plain.header("Content-Encoding") == nil, "no Accept-Encoding, no compression")
            #expect(try Gzip.decompress(response.body, limit: 1 << 20) == plain.body)
            #expect(!response.text.contains("127.0.0.1"), "no URL built from the bind address")
        }
    }

    @Test func absoluteFormTargetsAndAnyHostAreAccepted() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let absolute = try client.exchange(request(target: "https://mysubdomain.zendesk.com" + Seeded.listPath(query: "page[size]=2")))
            #expect(absolute.status == 200)
            for host in ["example.com", "127.0.0.1:\(server.port)", "[::1]:8080", ""] {
                #expect(try client.exchange(request(target: "/__admin/health", host: host)).status == 200, "Host: \(host)")
            }
        }
    }

    @Test func requestBodiesAreReadAndDiscardedWhereNotUsed() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            // 405 after a Content-Length body and a chunked body: the stream stays in sync.
            let lengthBody = try client.exchange(request("POST", "/__admin/health", headers: ["Content-Type: application/json", "Content-Length: 13"]) + #"{"name":"x"}"# + " ")
            #expect(lengthBody.status == 405)
            let chunked = try client.exchange(request("POST", "/__admin/health", headers: ["Transfer-Encoding: chunked"]) + "4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n")
            #expect(chunked.status == 405)
            try client.send(request("POST", "/__admin/health", headers: ["Expect: 100-continue", "Content-Length: 2"]))
            #expect(try client.readResponse().status == 100)
            try client.send("{}")
            #expect(try client.readResponse().status == 405)
            #expect(try client.exchange(request(target: "/__admin/health")).status == 200)
        }
    }
}
