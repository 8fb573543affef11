import Foundation
import Testing
import ZISMock

/// HTTPS through OpenSSL, checked with three independent clients: curl, Python's ssl and openssl s_client.
@Suite("End to end: TLS")
struct TLSTests {
    /// A server with a self-signed certificate on its own HTTPS port beside plain HTTP.
    private func withTLSServer(_ body: (ZISMockServer, _ httpsPort: UInt16, _ certificate: String) throws -> Void) throws {
        let folder = try temporaryFolder()
        let certificate = folder.appendingPathComponent("cert.pem").path
        try withServer(configure: {
            $0.tls = TLSSettings(certificate: .selfSigned(names: TLSSettings.defaultNames, writeTo: certificate), port: 0)
            $0.tuning.requestTimeoutMilliseconds = 1_000
        }) { server in
            let httpsPort = try #require(server.tlsBaseURL.flatMap { $0.split(separator: ":").last }.flatMap { UInt16($0) })
            try body(server, httpsPort, certificate)
        }
    }

    @Test func curlVerifiesTheCertificateAndKeepsTheConnectionAlive() throws {
        try withTLSServer { server, port, certificate in
            #expect(server.baseURL.hasPrefix("http://"))
            let url = "https://localhost:\(port)\(Seeded.listPath(query: "page%5Bsize%5D=2"))"
            let result = try ExternalTool.run("curl", [
                "-sS", "--cacert", certificate, "-H", "Authorization: Bearer \(Seeded.readWriteToken)",
                "-w", "\n%{http_code} %{num_connects} %{ssl_verify_result}\n", url, url,
            ])
            #expect(result.status == 0, "\(result.error)")
            let statusLines = result.output.split(separator: "\n").filter { $0.hasPrefix("200 ") }
            #expect(statusLines == ["200 1 0", "200 0 0"], "two 200s, the second on the same connection: \(result.output)")
            #expect(result.output.contains(#""has_more":true"#))
            #expect(!result.output.contains("zis-mock-read-write-token"))
        }
    }

    @Test func pythonSSLKeepsAliveAndPipelines() throws {
        try withTLSServer { _, port, certificate in
            let script = """
                import socket, ssl, http.client, sys, time
                context = ssl.create_default_context(cafile=sys.argv[1])
                connection = http.client.HTTPSConnection("localhost", int(sys.argv[2]), context=context)
                for _ in range(3):
                    connection.request("GET", "\(Seeded.listPath())", headers={"Authorization": "Bearer \(Seeded.readWriteToken)"})
                    response = connection.getresponse()
                    response.read()
                    print(response.status, connection.sock.version())
                raw = context.wrap_socket(socket.create_connection(("127.0.0.1", int(sys.argv[2]))), server_hostname="localhost")
                raw.settimeout(5)
                raw.sendall(b"GET /__admin/health HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n" * 5)
                data = b""
                deadline = time.time() + 5
                while data.count(b"200 OK") < 5 and time.time() < deadline:
                    data += raw.recv(65536)
                print("pipelined", data.count(b"200 OK"))
                """
            let result = try ExternalTool.run("python3", ["-c", script, certificate, String(port)])
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output == "200 TLSv1.3\n200 TLSv1.3\n200 TLSv1.3\npipelined 5\n")
        }
    }

    @Test func opensslNegotiatesHTTP11AndBothProtocolVersions() throws {
        try withTLSServer { _, port, certificate in
            for version in ["-tls1_3", "-tls1_2"] {
                let result = try ExternalTool.run(
                    "openssl", ["s_client", "-connect", "127.0.0.1:\(port)", "-alpn", "http/1.1", "-CAfile", certificate, version,
                                "-servername", "localhost", "-quiet", "-ign_eof"],
                    input: "GET /__admin/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                #expect(result.output.contains("HTTP/1.1 200 OK"), "\(version): \(result.output) \(result.error)")
            }
            let alpn = try ExternalTool.run(
                "openssl", ["s_client", "-connect", "127.0.0.1:\(port)", "-alpn", "http/1.1", "-CAfile", certificate], input: "")
            #expect(alpn.output.contains("ALPN protocol: http/1.1"))
            #expect(alpn.output.contains("Verify return code: 0 (ok)"))
        }
    }

    @Test func garbageAndSilenceCloseTheConnectionAndTheServerGoesOn() throws {
        try withTLSServer { _, port, certificate in
            let garbage = try RawHTTPClient(port: port)
            try garbage.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try garbage.serverClosed(), "plain HTTP on the TLS port is dropped")
            let silent = try RawHTTPClient(port: port)
            let started = Date()
            #expect(try silent.serverClosed(), "a handshake that never starts is dropped")
            #expect(Date().timeIntervalSince(started) < 4, "within the 1 s request timeout plus the sweep interval")
            let result = try ExternalTool.run("curl", ["-sS", "--cacert", certificate, "https://127.0.0.1:\(port)/__admin/health"])
            #expect(result.output == #"{"status":"ok"}"#)
        }
    }

    @Test func anOAuthRedirectOverHTTPSStaysOnHTTPS() throws {
        try withTLSServer { _, port, certificate in
            let result = try ExternalTool.run("curl", [
                "-sS", "--cacert", certificate, "-H", "Authorization: Bearer \(Seeded.readWriteToken)",
                "-H", "Content-Type: application/json", "-H", "Host: acme.zendesk.com:\(port)",
                "--connect-to", "acme.zendesk.com:\(port):127.0.0.1:\(port)", "-k",
                "-d", #"{"name":"tls_oauth","oauth_client_name":"salesforce_oauth_client"}"#,
                "https://acme.zendesk.com:\(port)/api/services/zis/connections/oauth/start/\(Seeded.integration)",
            ])
            #expect(result.output.contains(#""redirect_url":"https://acme.zendesk.com:\#(port)/"#), "\(result.output) \(result.error)")
        }
    }

    @Test func pemFilesServeHTTPSOnTheMainPort() throws {
        let folder = try temporaryFolder()
        let key = folder.appendingPathComponent("key.pem").path
        let certificate = folder.appendingPathComponent("cert.pem").path
        let made = try ExternalTool.run("openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
            "-keyout", key, "-out", certificate, "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
        ])
        try #require(made.status == 0, "\(made.error)")
        try withServer(configure: { $0.tls = TLSSettings(certificate: .files(certificate: certificate, key: key)) }) { server in
            #expect(server.baseURL.hasPrefix("https://"))
            #expect(server.tlsBaseURL == nil)
            let result = try ExternalTool.run(
                "curl", ["-sS", "--cacert", certificate, "https://localhost:\(server.port)/__admin/health"])
            #expect(result.output == #"{"status":"ok"}"#, "\(result.error)")
        }
    }

    @Test func aMissingCertificateFailsTheStart() throws {
        var configuration = ZISMockConfiguration()
        configuration.tls = TLSSettings(certificate: .files(certificate: "/nonexistent/cert.pem", key: "/nonexistent/key.pem"))
        #expect(throws: (any Error).self) { try ZISMockServer.start(configuration) }
    }
}
