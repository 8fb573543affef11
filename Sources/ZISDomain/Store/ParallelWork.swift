import Dispatch
import Glibc

/// Work over a million elements split across the processors, for the steps of a big load that
/// do not depend on each other's results (filling the store's chunks, sorting by name).
enum ParallelWork {
    /// Below this many elements one thread is quicker than waking others.
    static let minimumElements = 1 << 16

    static var processors: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// Calls `body` for contiguous stretches of `0..<count` that together cover it, and returns
    /// how many it made: one, on this thread, when the work is smaller than `minimumElements`
    /// (measured in `elements`, which is `count` unless the stretches are groups of elements);
    /// otherwise one per processor, each on its own thread, returning when all have. `body` may
    /// write only what belongs to its stretch: that promise, not the compiler, is what keeps the
    /// calls apart, which is why it need not be `Sendable` (it writes through buffer pointers of
    /// the caller's arrays).
    @discardableResult
    static func forEachStretch(of count: Int, elements: Int? = nil, _ body: (Range<Int>) -> Void) -> Int {
        guard (elements ?? count) >= minimumElements else {
            body(0..<count)
            return 1
        }
        let stretches = min(processors, max(count, 1))
        withoutActuallyEscaping(body) { body in
            let unchecked = UncheckedBody(call: body)
            DispatchQueue.concurrentPerform(iterations: stretches) { stretch in
                unchecked.call((count * stretch / stretches)..<(count * (stretch + 1) / stretches))
            }
        }
        return stretches
    }

    private struct UncheckedBody: @unchecked Sendable {
        let call: (Range<Int>) -> Void
    }
}
