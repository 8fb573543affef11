import Glibc
import Testing
@testable import ZISMockSockets

@Suite("Socket addresses")
struct SocketAddressTests {
    @Test(arguments: [("127.0.0.1", "127.0.0.1:8080"), ("::1", "[::1]:8080"), ("[::1]", "[::1]:8080"), ("0.0.0.0", "0.0.0.0:8080")])
    func numericHostsParseAndPrintAsURLsWriteThem(host: String, printed: String) throws {
        #expect(try SocketAddress(host: host, port: 8080).description == printed)
    }

    @Test func aNameIsResolved() throws {
        let address = try SocketAddress(host: "localhost", port: 1)
        #expect(["127.0.0.1:1", "[::1]:1"].contains(address.description))
    }

    @Test func anUnknownNameIsAnErrorNamingTheCall() {
        #expect(throws: SocketError.self) { try SocketAddress(host: "no-such-host.invalid", port: 1) }
    }
}
