import Glibc

/// A value behind a pthread mutex. Used instead of `Synchronization.Mutex` because that one is
/// futex-based on Linux and invisible to the thread sanitizer, which then reports every access it
/// guards as a race; a sanitizer that cries wolf would hide the real ones.
package final class Locked<Value>: @unchecked Sendable {
    // Heap-allocated so the mutex never moves; `value` is only touched with it held.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    package init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    package func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
