import CSystemShim
import Glibc

/// A non-blocking stream socket: a thin value over a file descriptor.
package struct Socket: Sendable, Hashable {
    package let descriptor: Int32

    package init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// A listening socket with `SO_REUSEADDR`, bound to `address`. An IPv6 wildcard also takes IPv4.
    package static func listening(on address: SocketAddress, backlog: Int32) throws(SocketError) -> Socket {
        let descriptor = zm_stream_socket(address.family)
        guard descriptor >= 0 else { throw SocketError("socket") }
        let socket = Socket(descriptor: descriptor)
        do throws(SocketError) {
            try socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1, name: "setsockopt(SO_REUSEADDR)")
            if address.family == AF_INET6 {
                try socket.setOption(Int32(IPPROTO_IPV6), IPV6_V6ONLY, 0, name: "setsockopt(IPV6_V6ONLY)")
            }
            let bound = address.withSocketAddress { Glibc.bind(descriptor, $0, $1) }
            guard bound == 0 else { throw SocketError("bind(\(address))") }
            guard Glibc.listen(descriptor, backlog) == 0 else { throw SocketError("listen") }
        } catch {
            socket.close()
            throw error
        }
        return socket
    }

    /// The address the kernel bound, which tells the port chosen for port 0.
    package func localAddress() throws(SocketError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard status == 0, let address = SocketAddress(storage: storage) else { throw SocketError("getsockname") }
        return address
    }

    package enum AcceptResult {
        case accepted(Socket)
        case wouldBlock
        case failed(Int32)
    }

    package func accept() -> AcceptResult {
        let client = zm_accept(descriptor, nil, nil)
        if client >= 0 { return .accepted(Socket(descriptor: client)) }
        let code = errno
        return code == EAGAIN || code == EWOULDBLOCK ? .wouldBlock : .failed(code)
    }

    package func peerAddress() -> SocketAddress? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &length) }
        }
        return status == 0 ? SocketAddress(storage: storage) : nil
    }

    /// Small responses must not wait for a delayed ACK (see socket-design.md: head and body go out together).
    package func disableNagle() {
        try? setOption(Int32(IPPROTO_TCP), TCP_NODELAY, 1, name: "setsockopt(TCP_NODELAY)")
    }

    package enum ReadResult {
        case bytes(Int)
        case wouldBlock
        case endOfStream
        case failed(Int32)
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count > 0 { return .bytes(count) }
            if count == 0 { return .endOfStream }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case let code: return .failed(code)
            }
        }
    }

    package enum WriteResult {
        case wrote(Int)
        case wouldBlock
        case failed(Int32)
    }

    /// One `sendmsg(MSG_NOSIGNAL)` over up to 64 buffers.
    func send(bases: UnsafePointer<UnsafeRawPointer?>, lengths: UnsafePointer<Int>, count: Int32) -> WriteResult {
        while true {
            let sent = zm_send_buffers(descriptor, bases, lengths, count)
            if sent >= 0 { return .wrote(sent) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case let code: return .failed(code)
            }
        }
    }

    package func close() {
        _ = Glibc.close(descriptor)
    }

    /// What the kernel still holds for the peer: written, not yet acknowledged.
    var unacknowledgedByteCount: Int { Int(zm_unacknowledged_bytes(descriptor)) }

    /// Closes so that the peer gets a TCP reset instead of a FIN.
    func reset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close()
    }

    func setOption(_ level: Int32, _ option: Int32, _ value: Int32, name: String) throws(SocketError) {
        var value = value
        guard setsockopt(descriptor, level, option, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SocketError(name)
        }
    }
}
