import ZISDomain
import ZISMockHTTP
import ZISMockRouting
import ZISMockSockets

/// Everything a zis-mock server is started with, as a plain value with defaults.
public struct ZISMockConfiguration: Sendable {
    /// Loopback by default: a test double should not be reachable from the network unless asked.
    public var host = "127.0.0.1"
    /// 0 asks the kernel for a free port; read it back from `ZISMockServer.baseURL`.
    public var port: UInt16 = 0
    /// The built-in seed unless one is set. It is parsed only when read, so a server started with
    /// a seed of its own never pays for parsing the built-in one (issue #10: start-up time).
    public var seed: Seed {
        get { assignedSeed ?? SeedLoader.defaultSeed }
        set { assignedSeed = newValue }
    }
    private var assignedSeed: Seed?
    /// Seconds since the Unix epoch, for `created_at`/`updated_at` and minted token expiries;
    /// tests replace it to make time move deterministically.
    public var clock: @Sendable () -> Int = Timestamp.currentSeconds
    /// How long tokens minted by the Zendesk OAuth endpoints live when a request asks for no
    /// `expires_in`, in seconds (`--token-lifetime`); nil (the default, as Zendesk's): forever.
    public var tokenLifetimeSeconds: Int?
    /// Deleting an OAuth client keeps the connections made with it (`--keep-oauth-connections`);
    /// false, the default, deletes them, as Zendesk does.
    public var keepsOAuthConnectionsOfDeletedClients = false
    /// Bundle resource types an upload takes besides `ZIS::Flow`, `ZIS::Action::Http` and
    /// `ZIS::JobSpec` (`--bundle-resource-type`), checked only for `properties.name` [ours].
    public var extraBundleResourceTypes: [String] = []
    public var limits = HTTPLimits()
    /// HTTPS on the main port or beside it; nil for plain HTTP only.
    public var tls: TLSSettings?
    /// Start-up, shutdown and one line per request; nil logs nothing (the embedded default).
    public var log: LogOutput?
    /// Browser origins allowed to call the mock; nil turns CORS off.
    public var cors: CORSPolicy? = CORSPolicy()
    /// Bodies at least this large are gzipped for clients that accept gzip; nil turns it off.
    public var compressionThreshold: Int? = HTTPServerConfiguration.defaultCompressionThreshold
    /// Loops, connection cap and timeouts; the address is taken from `host` and `port`.
    public var tuning = SocketTuning()
    /// Requests kept in the journal (`GET /__admin/requests`); 0 turns the journal off.
    public var journalSize = RequestJournal.defaultCapacity
    /// Per-token request budget (spec §6); nil (the default) turns limiting off. Changeable at run time.
    public var rateLimit: RateLimit?
    /// The `/__admin/` control plane: on/off, admin token, header faults.
    public var admin = AdminSettings()
    /// Keep the state in this file across restarts (`--state-file`); nil (the default): in memory
    /// only. At start the server loads it if it exists (else `seed`); every change the API
    /// acknowledges is on disk before its response is sent. `PATH` is a snapshot in the seed
    /// format, `PATH.log` the changes since; README "Keeping state across restarts".
    public var stateFile: String?
    /// The log is folded into a new snapshot once it grows past this many bytes, and at `stop()`.
    public var stateLogLimitBytes = 8 << 20

    public init() {}

    /// The socket-layer settings other than the address, with the socket layer's own defaults.
    public struct SocketTuning: Sendable {
        /// nil: one loop per core (the socket layer decides).
        public var loopCount: Int?
        public var maxConnections = SocketServerConfiguration.Defaults.maxConnections
        public var requestTimeoutMilliseconds = SocketServerConfiguration.Defaults.requestTimeoutMilliseconds
        public var idleTimeoutMilliseconds = SocketServerConfiguration.Defaults.idleTimeoutMilliseconds
        public var writeTimeoutMilliseconds = SocketServerConfiguration.Defaults.writeTimeoutMilliseconds

        public init() {}
    }

    /// Fails with the socket or TLS error that stops the server from starting.
    func httpConfiguration() throws -> HTTPServerConfiguration {
        let context = try tls?.makeContext()
        let main = try SocketAddress(host: host, port: port)
        var sockets = SocketServerConfiguration(address: main, tls: tls?.port == nil ? context : nil)
        if let context, let tlsPort = tls?.port {
            sockets.listeners.append(.init(address: try SocketAddress(host: host, port: tlsPort), tls: context))
        }
        if let loops = tuning.loopCount { sockets.loopCount = loops }
        sockets.maxConnections = tuning.maxConnections
        sockets.requestTimeoutMilliseconds = tuning.requestTimeoutMilliseconds
        sockets.idleTimeoutMilliseconds = tuning.idleTimeoutMilliseconds
        sockets.writeTimeoutMilliseconds = tuning.writeTimeoutMilliseconds
        var http = HTTPServerConfiguration(sockets: sockets)
        http.limits = limits
        http.compressionThreshold = compressionThreshold
        return http
    }
}
