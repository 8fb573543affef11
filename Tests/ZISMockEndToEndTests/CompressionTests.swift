import Foundation
import Testing
@testable import ZISMockHTTP

/// gzip both ways over real sockets: negotiated responses, compressed request bodies, bombs.
@Suite("End to end: gzip")
struct CompressionTests {
    private let page = Seeded.listPath(query: "page[size]=50")

    @Test(arguments: [
        ("gzip", true), ("gzip;q=0.5, br", true), ("*", true), ("deflate, gzip;q=0", false),
        ("br", false), ("identity", false), ("*;q=0", false), ("GZIP", true),
    ])
    func acceptEncodingIsNegotiated(header: String, compressed: Bool) throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let response = try client.exchange(request(target: page, headers: ["Accept-Encoding: \(header)"]))
            #expect(response.status == 200)
            #expect(response.header("Vary") == "Accept-Encoding", "the answer depends on Accept-Encoding either way")
            #expect((response.header("Content-Encoding") == "gzip") == compressed)
            let body = compressed ? try Gzip.decompress(response.body, limit: 1 << 20) : response.body
            let plain = try client.exchange(request(target: page))
            #expect(body == plain.body)
        }
    }

    @Test func smallBodiesAndHeadAreHandledAsHTTPSays() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let small = try client.exchange(request(target: "/__admin/health", headers: ["Accept-Encoding: gzip"]))
            #expect(small.header("Content-Encoding") == nil, "under the 1 KiB threshold")
            #expect(small.header("Vary") == nil)
            let get = try client.exchange(request(target: page, headers: ["Accept-Encoding: gzip"]))
            let head = try client.exchange(request("HEAD", page, headers: ["Accept-Encoding: gzip"]), head: true)
            #expect(head.header("Content-Encoding") == "gzip")
            #expect(head.header("Content-Length") == String(get.body.count), "HEAD announces what GET would send")
            #expect(head.body.isEmpty)
        }
    }

    @Test func gzippedRequestBodiesAreInflated() throws {
        try withServer { server in
            let client = try RawHTTPClient(port: server.port)
            let json = #"{"name":"gzipped_key","allowed_domain":"api.example.com","header_name":"x-api-key","api_key":"zipped-secret"}"#
            let compressed = try #require(Gzip.compress(Array(json.utf8)))
            let head = request(
                "POST", "/api/services/zis/integrations/\(Seeded.integration)/connections/api_key",
                headers: ["Content-Type: application/json", "Content-Encoding: gzip", "Content-Length: \(compressed.count)"])
            try client.send(Array(head.utf8) + compressed)
            let created = try client.readResponse()
            #expect(created.status == 201, "\(created.text)")
            #expect(created.text.contains(#""name":"gzipped_key""#))
            #expect(!created.text.contains("zipped-secret"))
        }
    }

    @Test func aGzipBombIs413AndBrokenGzipIs400AndOtherCodingsAre415() throws {
        try withServer { server in
            let bomb = try #require(Gzip.compress([UInt8](repeating: 0x20, count: 8 << 20), level: 9))
            #expect(bomb.count < 64 * 1024, "8 MiB of spaces compress to a few KiB")
            for (body, encoding, status) in [(bomb, "gzip", 413), (Array("not gzip".utf8), "gzip", 400), (Array("{}".utf8), "br", 415)] {
                let client = try RawHTTPClient(port: server.port)
                let head = request(
                    "POST", "/api/services/zis/integrations/\(Seeded.integration)/connections/api_key",
                    headers: ["Content-Type: application/json", "Content-Encoding: \(encoding)", "Content-Length: \(body.count)"])
                try client.send(Array(head.utf8) + body)
                let response = try client.readResponse()
                #expect(response.status == status, "\(encoding): \(response.text)")
                #expect(response.text.hasPrefix(#"{"errors":[{"code":"#))
            }
            let after = try RawHTTPClient(port: server.port).exchange(request(target: "/__admin/health"))
            #expect(after.status == 200)
        }
    }
}
