import Glibc

/// SIGTERM and SIGINT, taken synchronously. They are blocked before any thread starts (threads
/// inherit the mask), so a signal that arrives while the server is still starting stays pending
/// instead of being lost or killing a half-started process; `wait()` then takes it.
enum StopSignals {
    private static func set() -> sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        // SIGHUP reloads the seed (main.swift); blocked with the others so an early one is not lost.
        sigaddset(&signals, SIGHUP)
        return signals
    }

    /// Call first thing in `main`, before anything spawns a thread.
    static func block() {
        var signals = set()
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }

    /// Returns the signal number once SIGTERM, SIGINT or SIGHUP arrives.
    static func wait() -> Int32 {
        var signals = set()
        var received: Int32 = 0
        while sigwait(&signals, &received) != 0 {}
        return received
    }
}
