/// Everything the socket layer can be tuned by, with the defaults a test double wants.
package struct SocketServerConfiguration: Sendable {
    /// Where to listen; each listener may speak TLS. All share the loops and limits.
    package var listeners: [Listener]
    package var backlog: Int32 = 1024
    /// One epoll loop per core measured fastest here (socket-design.md).
    package var loopCount: Int = max(1, min(Int(sysconfCores()), 64))
    /// Beyond this, new connections are accepted and closed at once, so clients fail fast.
    package var maxConnections: Int = Defaults.maxConnections
    /// A client must finish a request (head and body), or a TLS handshake, this soon after it starts one.
    package var requestTimeoutMilliseconds: Int64 = Defaults.requestTimeoutMilliseconds
    /// An idle keep-alive connection is closed after this.
    package var idleTimeoutMilliseconds: Int64 = Defaults.idleTimeoutMilliseconds
    /// A client that takes none of its response for this long is dropped.
    package var writeTimeoutMilliseconds: Int64 = Defaults.writeTimeoutMilliseconds
    /// On stop, requests in flight get this long to finish before their connections are closed.
    package var shutdownGraceMilliseconds: Int64 = 500

    package init(address: SocketAddress, tls: TLSContext? = nil) {
        listeners = [Listener(address: address, tls: tls)]
    }

    /// The defaults that layers above offer again (`ZISMockConfiguration.SocketTuning`, and through
    /// it the CLI's help and the README): named once here so none of them can drift.
    package enum Defaults {
        package static let maxConnections = 10_000
        package static let requestTimeoutMilliseconds: Int64 = 10_000
        package static let idleTimeoutMilliseconds: Int64 = 60_000
        package static let writeTimeoutMilliseconds: Int64 = 30_000
    }

    package struct Listener: Sendable {
        package var address: SocketAddress
        /// Present for HTTPS: connections on this listener handshake first.
        package var tls: TLSContext?

        package init(address: SocketAddress, tls: TLSContext? = nil) {
            self.address = address
            self.tls = tls
        }
    }
}

import Glibc

private func sysconfCores() -> Int {
    Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}
