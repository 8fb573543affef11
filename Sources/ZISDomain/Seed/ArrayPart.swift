import Dispatch
import ZISMockLocking

/// One part of an array, decoding on a thread of its own from the moment it is made.
/// `Run` is what the part decoded: connections (`SeedDecoder+ArrayParts`) or whole integrations
/// (`SeedDecoder+IntegrationParts`).
final class ArrayPart<Run: Sendable>: Sendable {
    typealias Outcome = (run: Run, scanner: JSONScanner, end: SeedDecoder.RunEnd)

    let start: Int
    private let outcome = Locked<Outcome?>(nil)
    private let isAbandoned = Locked(false)
    private let finished = DispatchGroup()

    init(start: Int, decode: @escaping @Sendable (_ abandoned: () -> Bool) throws(SeedError) -> Outcome) {
        self.start = start
        DispatchQueue.global().async(group: finished) { [outcome, isAbandoned] in
            // A failed part is simply not used: the thread that reads on finds the error itself.
            let result = try? decode { isAbandoned.withLock { $0 } }
            outcome.withLock { $0 = result }
        }
    }

    /// Waits for the part; nil if it failed or was abandoned.
    func result() -> Outcome? {
        finished.wait()
        return outcome.withLock { $0 }.flatMap { $0.end == .abandoned ? nil : $0 }
    }

    /// Tells the part to stop and waits until it has, so no thread outlives the load.
    func abandon() {
        isAbandoned.withLock { $0 = true }
        finished.wait()
    }
}
