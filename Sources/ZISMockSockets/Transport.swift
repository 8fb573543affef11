/// How a connection's bytes travel: straight over the socket, or through TLS.
enum Transport {
    case plain(Socket)
    case tls(TLSSession)

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Socket.ReadResult {
        switch self {
        case .plain(let socket): socket.read(into: buffer)
        case .tls(let session): session.read(into: buffer)
        }
    }

    /// A plain socket that returned fewer bytes than asked is drained for now; TLS hands out one
    /// record per read while more may wait in the kernel, so only "would block" says so there.
    var shortReadMeansDrained: Bool {
        if case .plain = self { return true }
        return false
    }
}
