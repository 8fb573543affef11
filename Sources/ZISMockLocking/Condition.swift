import Glibc

/// A pthread mutex with a condition variable, for a thread that must wait for another (the state
/// log's group commit). pthread, like `Locked`, so the thread sanitizer sees every hand-over.
package final class Condition: @unchecked Sendable {
    private let mutex = PthreadObject.mutex()
    private let condition = PthreadObject(
        pthread_cond_t(), initialize: { pthread_cond_init($0, nil) }, destroy: { pthread_cond_destroy($0) })

    package init() {}

    package func lock() { mutex.lock() }
    package func unlock() { mutex.unlock() }
    /// Called with the mutex held; returns with it held.
    package func wait() { pthread_cond_wait(condition.pointer, mutex.pointer) }
    package func broadcast() { pthread_cond_broadcast(condition.pointer) }
}
