import Dispatch
import Testing
import ZISMockHTTP

@Suite("Path memo")
struct PathMemoTests {
    final class Value: Sendable {
        let number: Int
        init(_ number: Int) { self.number = number }
    }

    @Test func theFirstValueStoredIsKept() {
        let memo = PathMemo()
        #expect(memo.load() == nil)
        memo.storeIfNil(Value(1))
        memo.storeIfNil(Value(2))
        #expect((memo.load() as? Value)?.number == 1)
    }

    /// Threads storing at once agree on one value, and every value not kept is freed.
    @Test func racingStoresKeepOneAndFreeTheRest() {
        weak var dropped: Value?
        let memo = PathMemo()
        DispatchQueue.concurrentPerform(iterations: 64) { number in
            let value = Value(number)
            memo.storeIfNil(value)
            _ = memo.load()
        }
        let kept = (memo.load() as? Value)?.number
        #expect(kept != nil)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in #expect((memo.load() as? Value)?.number == kept) }
        do {
            let value = Value(-1)
            dropped = value
            memo.storeIfNil(value)
        }
        #expect(dropped == nil)
    }
}
