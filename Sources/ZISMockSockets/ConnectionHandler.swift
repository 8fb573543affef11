/// The protocol that turns bytes into bytes on one connection. The socket layer creates one handler
/// per connection, on the event loop that owns it, and calls it only from that loop's thread.
package protocol ConnectionHandler: AnyObject {
    /// Bytes arrived. Append anything to send to `output`; the loop writes it after this returns.
    func received(_ bytes: UnsafeRawBufferPointer, output: inout OutputQueue) -> ConnectionDecision

    /// True while part of a request has arrived but not all of it: the loop then applies the
    /// request timeout (slowloris) instead of the idle keep-alive timeout.
    var isMidRequest: Bool { get }
}

package enum ConnectionDecision: Sendable {
    case keepOpen
    /// Stop reading; close once everything queued has been written.
    case closeAfterWriting
    /// Stop reading; once everything queued has been written, abort with a TCP reset (fault injection).
    case resetAfterWriting
}

/// What a handler is told about its connection when it is made.
package struct ConnectionContext: Sendable {
    package init(loopIndex: Int, peer: SocketAddress?, isSecure: Bool) {
        self.loopIndex = loopIndex
        self.peer = peer
        self.isSecure = isSecure
    }

    /// Which event loop (0 ..< loop count) owns the connection; lets handlers keep per-loop caches.
    package let loopIndex: Int
    package let peer: SocketAddress?
    /// The connection arrived on a TLS listener: its requests are `https`.
    package let isSecure: Bool
}
