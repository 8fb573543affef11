import Synchronization
import ZISDomain
import ZISMockBasics
import ZISMockHTTP
import ZISMockLocking

/// The fault rules of one server, in the order they were added. Every matching, unexhausted rule
/// counts a request; the first whose `after` has passed applies its action to it.
package final class FaultInjector: Sendable {
    private struct State {
        var rules: [FaultRule] = []
        var nextID = 1
    }

    private let state = Locked(State())
    /// Mirrors `!state.rules.isEmpty`: with no rules (the usual case) a request costs no lock.
    private let hasRulesFlag = Atomic(false)

    package init() {}

    /// Adds a rule; throws the reason when the action cannot be applied or the counts are negative.
    @discardableResult
    package func add(_ match: FaultMatch, action: FaultAction, times: Int = 1, after: Int = 0) throws(ZISError) -> FaultRule {
        if let problem = action.problem { throw problem }
        guard times >= 0, after >= 0 else { throw .badRequest(detail: "times and after must not be negative") }
        return state.withLock { state in
            let rule = FaultRule(id: state.nextID, match: match, action: action, times: times, after: after)
            state.nextID += 1
            state.rules.append(rule)
            hasRulesFlag.store(true, ordering: .releasing)
            return rule
        }
    }

    package var rules: [FaultRule] {
        state.withLock { $0.rules }
    }

    package func removeAll() {
        state.withLock {
            $0.rules.removeAll()
            hasRulesFlag.store(false, ordering: .releasing)
        }
    }

    /// Removes one rule; false when there is none with that id.
    package func remove(id: Int) -> Bool {
        state.withLock { state in
            guard let index = state.rules.firstIndex(where: { $0.id == id }) else { return false }
            state.rules.remove(at: index)
            hasRulesFlag.store(!state.rules.isEmpty, ordering: .releasing)
            return true
        }
    }

    /// The action for this request, if a rule fires.
    /// Whether any rule is set; lock-free.
    var hasRules: Bool { hasRulesFlag.load(ordering: .acquiring) }

    func action(for request: HTTPRequest, routeTemplate: String?, parameters: PathParameters) -> FaultAction? {
        guard hasRulesFlag.load(ordering: .acquiring) else { return nil }
        return state.withLock { state -> FaultAction? in
            guard !state.rules.isEmpty else { return nil }
            let decodedPath = "/" + request.pathSegments.joined(separator: "/")
            var fired: FaultAction?
            for index in state.rules.indices where !state.rules[index].isExhausted {
                guard
                    state.rules[index].match.matches(
                        method: request.method, decodedPath: decodedPath, routeTemplate: routeTemplate, parameters: parameters)
                else { continue }
                state.rules[index].matched += 1
                if fired == nil, state.rules[index].matched > state.rules[index].after {
                    state.rules[index].applied += 1
                    fired = state.rules[index].action
                }
            }
            return fired
        }
    }
}

/// `X-ZIS-Mock-Fault: status=429;retry-after=2`, `delay=300`, `delay=300;status=503`: the same
/// actions as the rules, for the one request that carries the header.
package enum FaultHeader {
    package static let name = "X-ZIS-Mock-Fault"

    package static func parse(_ value: String) throws(ZISError) -> FaultAction {
        var action = FaultAction()
        for part in value.split(separator: ";") {
            let item = part.split(separator: "=", maxSplits: 1).map { $0.trimmingASCIIBlanks() }
            let key = item[0].asciiLowercased()
            let number = item.count == 2 ? Int(item[1]) : nil
            switch key {
            case "status": action.status = try required(number, key)
            case "retry-after", "retry_after": action.retryAfterSeconds = try required(number, key)
            case "delay", "delay-ms", "delay_ms": action.delayMilliseconds = try required(number, key)
            case "drop": action.connection = .drop
            case "reset": action.connection = .reset
            case "truncate": action.truncateBody = true
            case "": continue
            default: throw .badRequest(detail: "\(name): unknown item \"\(key)\" (expected status, retry-after, delay, drop, reset or truncate)")
            }
        }
        if let problem = action.problem {
            throw ZISError(status: problem.status, code: problem.code, title: problem.title, detail: "\(name): \(problem.detail ?? "")")
        }
        return action
    }

    private static func required(_ number: Int?, _ key: String) throws(ZISError) -> Int {
        guard let number else { throw .badRequest(detail: "\(name): \(key) needs a whole number, as in \(key)=2") }
        return number
    }
}
