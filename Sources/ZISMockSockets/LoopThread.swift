import Glibc

/// A dedicated pthread: a blocking `epoll_wait` must not pin one of Dispatch's pool threads.
struct LoopThread: @unchecked Sendable {
    // pthread_t is a plain integer on Linux; joined exactly once, by `join`.
    private let thread: pthread_t

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    static func start(_ run: @escaping @Sendable () -> Void) throws(SocketError) -> LoopThread {
        let box = Unmanaged.passRetained(Body(run)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { raw in
            let body = Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue()
            body.run()
            return nil
        }, box)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            throw SocketError("pthread_create", errno: status)
        }
        return LoopThread(thread: thread)
    }

    func join() {
        pthread_join(thread, nil)
    }

    static var currentID: pthread_t { pthread_self() }
}
