import Glibc

/// A pthread object (mutex, condition variable) on the heap: one must never move once
/// initialised, so it is never a Swift value. What `Locked` and `Condition` are built on.
final class PthreadObject<Object>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Object>
    private let destroy: (UnsafeMutablePointer<Object>) -> Void

    init(
        _ zero: Object, initialize: (UnsafeMutablePointer<Object>) -> Void,
        destroy: @escaping (UnsafeMutablePointer<Object>) -> Void
    ) {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: zero)
        initialize(pointer)
        self.destroy = destroy
    }

    deinit {
        destroy(pointer)
        pointer.deallocate()
    }
}

extension PthreadObject<pthread_mutex_t> {
    static func mutex() -> PthreadObject {
        PthreadObject(pthread_mutex_t(), initialize: { pthread_mutex_init($0, nil) }, destroy: { pthread_mutex_destroy($0) })
    }

    func lock() { pthread_mutex_lock(pointer) }
    func unlock() { pthread_mutex_unlock(pointer) }
}
