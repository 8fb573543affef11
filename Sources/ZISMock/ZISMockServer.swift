import ZISDomain
import ZISMockHTTP
import ZISMockRouting
import ZISMockSockets

/// A running zis-mock: the seeded ZIS service behind an HTTP server. The `zis-mock` executable is
/// this plus flags; a Swift test can start one in-process the same way.
public final class ZISMockServer: Sendable {
    public let service: ZISService
    /// `http://127.0.0.1:PORT` (`https` when TLS took over the main port), with the port actually bound.
    public let baseURL: String
    public let port: UInt16
    /// The HTTPS listener's URL when TLS runs on a port of its own beside plain HTTP.
    public let tlsBaseURL: String?
    private let http: HTTPServer

    /// Binds and starts serving. Throws `SocketError` when the address cannot be bound and
    /// `TLSError` when the certificate cannot be used; nothing is left running then.
    public static func start(_ configuration: ZISMockConfiguration = ZISMockConfiguration()) throws -> ZISMockServer {
        let service = ZISService(seed: configuration.seed, clock: configuration.clock)
        var router = Router()
        AdminRoutes.register(on: &router)
        ConnectionsRoutes.register(on: &router, service: service)
        let http = try HTTPServer.start(try configuration.httpConfiguration(), responder: ZISResponder(router: router))
        let mainIsSecure = configuration.tls != nil && configuration.tls?.port == nil
        return ZISMockServer(service: service, http: http, mainIsSecure: mainIsSecure)
    }

    private init(service: ZISService, http: HTTPServer, mainIsSecure: Bool) {
        self.service = service
        self.http = http
        self.port = http.localAddress.port
        self.baseURL = "\(mainIsSecure ? "https" : "http")://\(http.localAddress)"
        self.tlsBaseURL = http.localAddresses.dropFirst().first.map { "https://\($0)" }
    }

    /// Stops accepting, lets requests in flight finish (up to half a second), then returns.
    public func stop() {
        http.stop()
    }
}
