/// A value behind a pthread mutex. Used instead of `Synchronization.Mutex` because that one is
/// futex-based on Linux and invisible to the thread sanitizer, which then reports every access it
/// guards as a race; a sanitizer that cries wolf would hide the real ones.
package final class Locked<Value>: @unchecked Sendable {
    private let mutex = PthreadObject.mutex()
    // Only touched with the mutex held, which is what keeps accesses apart: the runtime's
    // exclusivity check on top cost about 90 instructions a lock, on every request.
    @exclusivity(unchecked) private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    package func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        mutex.lock()
        defer { mutex.unlock() }
        return try body(&value)
    }
}
