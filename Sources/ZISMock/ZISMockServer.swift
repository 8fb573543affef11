import ZISDomain
import ZISMockHTTP
import ZISMockRouting
import ZISMockSockets

/// A running zis-mock: the seeded ZIS service behind an HTTP server. The `zis-mock` executable is
/// this plus flags; a Swift test can start one in-process the same way.
public final class ZISMockServer: Sendable {
    public let service: ZISService
    /// `http://127.0.0.1:PORT`, with the port actually bound.
    public let baseURL: String
    public let port: UInt16
    private let http: HTTPServer

    public static func start(_ configuration: ZISMockConfiguration = ZISMockConfiguration()) throws(SocketError) -> ZISMockServer {
        let service = ZISService(seed: configuration.seed, clock: configuration.clock)
        var router = Router()
        AdminRoutes.register(on: &router)
        ConnectionsRoutes.register(on: &router, service: service)
        let http = try HTTPServer.start(try configuration.httpConfiguration(), responder: ZISResponder(router: router))
        return ZISMockServer(service: service, http: http)
    }

    private init(service: ZISService, http: HTTPServer) {
        self.service = service
        self.http = http
        self.port = http.localAddress.port
        self.baseURL = "http://\(http.localAddress)"
    }

    /// Stops accepting, lets requests in flight finish (up to half a second), then returns.
    public func stop() {
        http.stop()
    }
}
