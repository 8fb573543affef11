import Glibc
import ZISDomain
import ZISMockBasics
import ZISMockHTTP
import ZISMockPersistence
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
    /// The state file's log, with `ZISMockConfiguration.stateFile`.
    private let stateLog: StateLog?

    /// Binds and starts serving. Throws `SeedError` when the state file cannot be used (a broken
    /// snapshot, a damaged log), `SocketError` when the address cannot be bound and `TLSError`
    /// when the certificate cannot be used; nothing is left running then.
    public static func start(_ configuration: ZISMockConfiguration = ZISMockConfiguration()) throws -> ZISMockServer {
        var stateFile: (log: StateLog, state: PreparedState)?
        if let path = configuration.stateFile {
            stateFile = try StateFileLoader.open(
                path: path, compactionThreshold: configuration.stateLogLimitBytes, seed: { configuration.seed },
                notice: { text in _ = Array((text + "\n").utf8).withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) } })
        }
        let app = Application(configuration, stateFile: stateFile)
        stateFile?.log.attach(app.service)
        let http = try HTTPServer.start(try configuration.httpConfiguration(), responder: app.responder)
        let mainIsSecure = configuration.tls != nil && configuration.tls?.port == nil
        return ZISMockServer(app, stateLog: stateFile?.log, http: http, mainIsSecure: mainIsSecure)
    }

    /// Everything but the sockets: the service, its control plane, every route and the ordered
    /// middleware, assembled once from a configuration (the server, and the benchmarks' driver).
    struct Application {
        let service: ZISService
        let control: MockControl
        let router: Router
        let responder: ZISResponder

        /// `stateFile`: the state the file held and its log, which the service records its changes in;
        /// `reset` still returns to the seed.
        init(_ configuration: ZISMockConfiguration, stateFile: (log: StateLog, state: PreparedState)? = nil) {
            let base = PreparedState(seed: configuration.seed)
            // One offset for the service's time and the limiter's windows: the admin clock moves both.
            let clockOffset = ClockOffset()
            service = ZISService(
                prepared: stateFile?.state ?? base, clock: configuration.clock, clockOffset: clockOffset,
                tokenLifetimeSeconds: configuration.tokenLifetimeSeconds,
                keepsConnectionsOfDeletedClients: configuration.keepsOAuthConnectionsOfDeletedClients,
                extraBundleResourceTypes: configuration.extraBundleResourceTypes, changeSink: stateFile?.log)
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

    private init(_ app: Application, stateLog: StateLog?, http: HTTPServer, mainIsSecure: Bool) {
        self.service = app.service
        self.control = app.control
        self.router = app.router
        self.stateLog = stateLog
        self.http = http
        self.port = http.localAddress.port
        self.baseURL = "\(mainIsSecure ? "https" : "http")://\(http.localAddress)"
        self.tlsBaseURL = http.localAddresses.dropFirst().first.map { "https://\($0)" }
    }

    /// Connections open right now (for tests that watch the server drop them).
    public var connectionCount: Int { http.connectionCount }

    /// Stops accepting, lets requests in flight finish (up to half a second), then returns. With a
    /// state file, its log is folded into the snapshot, so the next start reads one file, and the
    /// file is let go: a server may start on it at once, and changes made after `stop()` through
    /// the embedding API are not kept.
    public func stop() {
        http.stop()
        stateLog?.close()
    }
}
