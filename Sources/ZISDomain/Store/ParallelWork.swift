import Dispatch
import Glibc

/// Work over a million elements split across the processors, for the steps of a big load that
/// do not depend on each other's results (filling the store's chunks, sorting by name).
enum ParallelWork {
    /// Below this many elements one thread is quicker than waking others.
    static let minimumElements = 1 << 16

    static var processors: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// Calls `body` once for each of up to `processors` contiguous stretches of `0..<count`, on
    /// as many threads, and returns when all have. `body` may write only what belongs to its
    /// stretch: that promise, not the compiler, is what keeps the calls apart, which is why it
    /// need not be `Sendable` (it writes through buffer pointers of the caller's arrays).
    static func forEachStretch(of count: Int, _ body: (Range<Int>) -> Void) {
        withoutActuallyEscaping(body) { body in
            let unchecked = UncheckedBody(call: body)
            let stretches = min(processors, max(count, 1))
            DispatchQueue.concurrentPerform(iterations: stretches) { stretch in
                unchecked.call((count * stretch / stretches)..<(count * (stretch + 1) / stretches))
            }
        }
    }

    private struct UncheckedBody: @unchecked Sendable {
        let call: (Range<Int>) -> Void
    }
}
