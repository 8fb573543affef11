import ZISDomain
import ZISMockBasics
import ZISMockHTTP
import ZISMockRouting
import ZISMockSockets

/// A running zis-mock: the seeded ZIS service behind an HTTP server. The `zis-mock` executable is
/// this plus flags; a Swift test can start one in-process the same way.
public final class ZISMockServer: Sendable {
    package let service: ZISService
    /// Reset, load, export, journal, faults and rate limit: what `/__admin/` and the embedding API call.
    package let control: MockControl
    /// `http://127.0.0.1:PORT` (`https` when TLS took over the main port), with the port actually bound.
    public let baseURL: String
    public let port: UInt16
    /// The HTTPS listener's URL when TLS runs on a port of its own beside plain HTTP.
    public let tlsBaseURL: String?
    private let http: HTTPServer
    /// Every route this server serves (the OpenAPI route-sync test reads them).
    package let router: Router

    /// Binds and starts serving. Throws `SocketError` when the address cannot be bound and
    /// `TLSError` when the certificate cannot be used; nothing is left running then.
    public static func start(_ configuration: ZISMockConfiguration = ZISMockConfiguration()) throws -> ZISMockServer {
        let app = Application(configuration)
        let http = try HTTPServer.start(try configuration.httpConfiguration(), responder: app.responder)
        let mainIsSecure = configuration.tls != nil && configuration.tls?.port == nil
        return ZISMockServer(service: app.service, control: app.control, router: app.router, http: http, mainIsSecure: mainIsSecure)
    }

    /// Everything but the sockets: the service, its control plane, every route and the ordered
    /// middleware, assembled once from a configuration (the server, and the benchmarks' driver).
    struct Application {
        let service: ZISService
        let control: MockControl
        let router: Router
        let responder: ZISResponder

        init(_ configuration: ZISMockConfiguration) {
            let base = PreparedState(seed: configuration.seed)
            // One offset for the service's time and the limiter's windows: the admin clock moves both.
            let clockOffset = ClockOffset()
            service = ZISService(
                prepared: base, clock: configuration.clock, clockOffset: clockOffset,
                tokenLifetimeSeconds: configuration.tokenLifetimeSeconds,
                keepsConnectionsOfDeletedClients: configuration.keepsOAuthConnectionsOfDeletedClients,
                extraBundleResourceTypes: configuration.extraBundleResourceTypes)
            control = MockControl(
                service: service, base: base, settings: configuration.admin, journalCapacity: configuration.journalSize,
                rateLimit: configuration.rateLimit, clock: MockClock(offset: clockOffset))
            router = Router.zisMock(service: service, control: control, adminEnabled: configuration.admin.enabled)
            // The level is fixed at start: below info no request is ever logged, so none is looked at.
            let accessLog = configuration.log.flatMap { $0.level <= .info ? AccessLog(logger: $0.logger()) : nil }
            responder = ZISResponder(
                router: router, middleware: StandardMiddleware.list(control: control, cors: configuration.cors, accessLog: accessLog))
        }
    }

    private init(service: ZISService, control: MockControl, router: Router, http: HTTPServer, mainIsSecure: Bool) {
        self.service = service
        self.control = control
        self.router = router
        self.http = http
        self.port = http.localAddress.port
        self.baseURL = "\(mainIsSecure ? "https" : "http")://\(http.localAddress)"
        self.tlsBaseURL = http.localAddresses.dropFirst().first.map { "https://\($0)" }
    }

    /// Connections open right now (for tests that watch the server drop them).
    public var connectionCount: Int { http.connectionCount }

    /// Stops accepting, lets requests in flight finish (up to half a second), then returns.
    public func stop() {
        http.stop()
    }
}
