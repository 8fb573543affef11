import CTLSShim

/// One connection's TLS state, driven by its event loop without blocking: every call returns at
/// once, and "would block" means wait for the next readiness edge.
final class TLSSession {
    private let session: OpaquePointer

    init?(context: TLSContext, socket: Socket) {
        guard let session = zm_tls_session_new(context.context, socket.descriptor) else { return nil }
        self.session = session
    }

    deinit {
        zm_tls_session_free(session)
    }

    enum HandshakeResult {
        case done
        case wouldBlock
        case failed
    }

    func handshake() -> HandshakeResult {
        switch zm_tls_handshake(session) {
        case 1: .done
        case Int32(ZM_TLS_WANT_IO): .wouldBlock
        default: .failed
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Socket.ReadResult {
        let result = zm_tls_read(session, buffer.baseAddress, buffer.count)
        switch result {
        case 1...: return .bytes(result)
        case 0: return .endOfStream
        case ZM_TLS_WANT_IO: return .wouldBlock
        default: return .failed(0)
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> Socket.WriteResult {
        let result = zm_tls_write(session, bytes.baseAddress, bytes.count)
        switch result {
        case 1...: return .wrote(result)
        case ZM_TLS_WANT_IO: return .wouldBlock
        default: return .failed(0)
        }
    }
}
