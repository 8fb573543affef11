import Foundation
import Synchronization
import Testing
import ZISMock

/// Bad input gets one JSON error and a close; misbehaving clients do not hurt others.
@Suite("End to end: refusals and robustness")
struct RobustnessTests {
    func expectRefusal(_ response: HTTPTestResponse, status: Int, code: String, title: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.header("Connection") == "close", sourceLocation: sourceLocation)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8", sourceLocation: sourceLocation)
        let errors = try #require(try response.json()["errors"] as? [[String: Any]], sourceLocation: sourceLocation)
        #expect(errors.count == 1, sourceLocation: sourceLocation)
        #expect(errors.first?["code"] as? String == code, sourceLocation: sourceLocation)
        #expect(errors.first?["title"] as? String == title, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        "GET / HTTP/1.1\nHost: h\n\n",
        "GET /a b HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nBad Header: v\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n folded\r\n\r\n",
        "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabc",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET /%zz HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /__admin/health?x=%FF HTTP/1.1\r\nHost: h\r\n\r\n",
        "\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{fc}\u{03}\u{03}",
    ])
    func malformedRequestsGetA400EnvelopeThenClose(raw: String) throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            try client.send(raw + request(target: "/__admin/health"))
            let response = try client.readResponse()
            try expectRefusal(response, status: 400, code: "BadRequest", title: "Bad Request")
            #expect(try response.json()["errors"].flatMap { ($0 as? [[String: Any]])?.first?["detail"] as? String } != nil)
            #expect(try client.serverClosed(), "nothing after the error is answered")
        }
    }

    /// RFC 9112 §7.1: a chunk-size line with text not introduced by `;`, a `;` with no name, or a
    /// space before the CRLF is refused, so no proxy in front can read a different body boundary.
    @Test(arguments: ["5 ilovew3", "5;", "5 ", "5;a=b c"])
    func chunkSizeLinesOutsideTheGrammarGet400ThenClose(sizeLine: String) throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let body = "\(sizeLine)\r\n{\"a\":\r\n0\r\n\r\n"
            try client.send(request("POST", Seeded.listPath(), headers: ["Transfer-Encoding: chunked", "Content-Type: application/json"]) + body
                + request(target: "/__admin/health"))
            try expectRefusal(try client.readResponse(), status: 400, code: "BadRequest", title: "Bad Request")
            #expect(try client.serverClosed(), "the request after the refused body is not answered")
        }
    }

    @Test func aTLSClientHelloIsRefusedAtOnce() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port, timeoutSeconds: 2)
            try client.send([0x16, 0x03, 0x01, 0x00, 0xA5, 0x01, 0x00, 0x00, 0xA1, 0x03, 0x03])
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(try client.serverClosed())
        }
    }

    @Test func theHTTP2PrefaceGets505() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            try client.send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
            try expectRefusal(try client.readResponse(), status: 505, code: "HTTPVersionNotSupported", title: "HTTP Version Not Supported")
            #expect(try client.serverClosed())
        }
    }

    @Test func anOversizeRequestLineGets414() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            try client.send(request(target: Seeded.listPath(query: "page[after]=" + String(repeating: "a", count: 9000))))
            let response = try client.readResponse()
            try expectRefusal(response, status: 414, code: "URITooLong", title: "URI Too Long")
            #expect(response.text == errorBody("URITooLong", "URI Too Long"))
            #expect(try client.serverClosed())
        }
    }

    @Test func oversizeHeadersGet431() throws {
        try withServer { server in
            let big = try RawHTTPClient(port: server.port)
            try big.send(request(target: "/__admin/health", headers: ["Cookie: " + String(repeating: "c", count: 17 * 1024)]))
            let response = try big.readResponse()
            try expectRefusal(response, status: 431, code: "RequestHeaderFieldsTooLarge", title: "Request Header Fields Too Large")
            #expect(try big.serverClosed())

            let many = try RawHTTPClient(port: server.port)
            try many.send(request(target: "/__admin/health", headers: (1...100).map { "X-Field-\($0): v" }))
            try expectRefusal(try many.readResponse(), status: 431, code: "RequestHeaderFieldsTooLarge", title: "Request Header Fields Too Large")
            #expect(try many.serverClosed())
        }
    }

    @Test func anOversizeBodyGets413BeforeItIsSent() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            try client.send(request("POST", Seeded.listPath(), headers: ["Content-Length: \(2 * 1024 * 1024)", "Expect: 100-continue"]))
            let response = try client.readResponse()
            try expectRefusal(response, status: 413, code: "PayloadTooLarge", title: "Payload Too Large")
            #expect(try client.serverClosed())
        }
    }

    @Test func anOversizeChunkedBodyGets413() throws {
        try withServer(configure: { $0.limits.maxBodyBytes = 1024 }) { server in
            let client = try RawHTTPClient(port: server.port)
            let chunk = String(repeating: "x", count: 600)
            try client.send(request("POST", Seeded.listPath(), headers: ["Transfer-Encoding: chunked"]) + "258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n")
            try expectRefusal(try client.readResponse(), status: 413, code: "PayloadTooLarge", title: "Payload Too Large")
            #expect(try client.serverClosed())
        }
    }

    @Test func unsupportedTransferCodingGets501() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            try client.send(request("POST", Seeded.listPath(), headers: ["Transfer-Encoding: gzip"]))
            try expectRefusal(try client.readResponse(), status: 501, code: "NotImplemented", title: "Not Implemented")
            #expect(try client.serverClosed())
        }
    }

    @Test func clientsThatVanishDoNotHurtTheNextClient() throws {
        try withServer { server in
            // Half a request head, then FIN.
            let halfHead = try RawHTTPClient(port: server.port)
            try halfHead.send("GET \(Seeded.listPath()) HTTP/1.1\r\nHost: h\r\nAuthor")
            halfHead.close()
            // Half a body, then RST.
            let halfBody = try RawHTTPClient(port: server.port)
            try halfBody.send(request("POST", Seeded.listPath(), headers: ["Content-Length: 1000"]) + "partial")
            halfBody.abort()
            // Many large responses requested, none read, then RST mid-response.
            let midResponse = try RawHTTPClient(port: server.port)
            try midResponse.send(String(repeating: request(target: Seeded.listPath()), count: 100))
            _ = try midResponse.readResponse()  // the server has started writing
            midResponse.abort()
            // Same, but a polite FIN while the server is still writing.
            let finMidResponse = try RawHTTPClient(port: server.port)
            try finMidResponse.send(String(repeating: request(target: Seeded.listPath()), count: 100))
            _ = try finMidResponse.readResponse()
            finMidResponse.close()

            for _ in 0..<3 {
                let next = try RawHTTPClient(port: server.port)
                let response = try next.exchange(request(target: Seeded.listPath(query: "page[size]=100")))
                #expect(response.status == 200)
                #expect(response.body.count > 1000)
            }
        }
    }

    @Test func twoHundredConcurrentKeepAliveConnections() throws {
        try withServer { server in
            let clients = try (0..<200).map { _ in try RawHTTPClient(port: server.port) }
            // All connections are open at once; each sends a request before any is read.
            for (index, client) in clients.enumerated() {
                try client.send(request(target: index.isMultiple(of: 2) ? "/__admin/health" : Seeded.listPath(query: "page[size]=\(index % 100 + 1)")))
            }
            for (index, client) in clients.enumerated() {
                let response = try client.readResponse()
                #expect(response.status == 200, "client \(index)")
            }
            // Still open (keep-alive): a second round on every connection, answered in reverse order.
            for client in clients.reversed() { try client.send(request(target: "/__admin/health")) }
            for client in clients.reversed() { #expect(try client.readResponse().text == #"{"status":"ok"}"#) }
        }
    }

    @Test func concurrentClientsOnManyThreads() throws {
        try withServer { server in
            let failures = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: 16) { worker in
                do {
                    let client = try RawHTTPClient(port: server.port)
                    for round in 0..<20 {
                        let response = try client.exchange(request(target: Seeded.listPath(query: "page[size]=\((worker * 20 + round) % 100 + 1)")))
                        if response.status != 200 { failures.withLock { $0 += 1 } }
                    }
                } catch {
                    failures.withLock { $0 += 1 }
                }
            }
            #expect(failures.withLock { $0 } == 0)
        }
    }

    @Test func theServerStillAnswersAfterAbuse() throws {
        try withServer { server in
            let abuse: [[UInt8]] = [
                Array("GET / HTTP/1.1\nHost: h\n\n".utf8),
                Array(repeating: 0x00, count: 4096),
                Array(repeating: 0xFF, count: 4096),
                [0x16, 0x03, 0x01, 0x00, 0xA5, 0x01],
                Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8),
                Array(("GET /" + String(repeating: "a", count: 20_000)).utf8),
                Array("GET / HTTP/1.1\r\nHost: h\r\n".utf8) + Array(repeating: UInt8(ascii: "h"), count: 20_000),
                Array("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFF\r\n".utf8),
            ]
            for bytes in abuse {
                let client = try RawHTTPClient(port: server.port)
                try client.send(bytes)
                let response = try client.readResponse()
                #expect((400..<506).contains(response.status))
                #expect(try client.serverClosed())
            }
            let after = try RawHTTPClient(port: server.port)
            #expect(try after.exchange(request(target: "/__admin/health")).status == 200)
            #expect(try after.exchange(request(target: Seeded.listPath())).status == 200)
        }
    }
}
