/// Everything the socket layer can be tuned by, with the defaults a test double wants.
public struct SocketServerConfiguration: Sendable {
    /// Where to listen; each listener may speak TLS. All share the loops and limits.
    public var listeners: [Listener]
    public var backlog: Int32 = 1024
    /// One epoll loop per core measured fastest here (socket-design.md).
    public var loopCount: Int = max(1, min(Int(sysconfCores()), 64))
    /// Beyond this, new connections are accepted and closed at once, so clients fail fast.
    public var maxConnections: Int = Defaults.maxConnections
    /// A client must finish a request (head and body), or a TLS handshake, this soon after it starts one.
    public var requestTimeoutMilliseconds: Int64 = Defaults.requestTimeoutMilliseconds
    /// An idle keep-alive connection is closed after this.
    public var idleTimeoutMilliseconds: Int64 = Defaults.idleTimeoutMilliseconds
    /// A client that takes none of its response for this long is dropped.
    public var writeTimeoutMilliseconds: Int64 = Defaults.writeTimeoutMilliseconds
    /// On stop, requests in flight get this long to finish before their connections are closed.
    public var shutdownGraceMilliseconds: Int64 = 500

    public init(address: SocketAddress, tls: TLSContext? = nil) {
        listeners = [Listener(address: address, tls: tls)]
    }

    /// The defaults that layers above offer again (`ZISMockConfiguration.SocketTuning`, and through
    /// it the CLI's help and the README): named once here so none of them can drift.
    public enum Defaults {
        public static let maxConnections = 10_000
        public static let requestTimeoutMilliseconds: Int64 = 10_000
        public static let idleTimeoutMilliseconds: Int64 = 60_000
        public static let writeTimeoutMilliseconds: Int64 = 30_000
    }

    public struct Listener: Sendable {
        public var address: SocketAddress
        /// Present for HTTPS: connections on this listener handshake first.
        public var tls: TLSContext?

        public init(address: SocketAddress, tls: TLSContext? = nil) {
            self.address = address
            self.tls = tls
        }
    }
}

import Glibc

private func sysconfCores() -> Int {
    Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}
