/// Every write to the state goes through `commit` (issue 17): the body changes the state and
/// records what it changed, under the one lock, so the change sink sees changes in the order
/// the state took them; the call returns only once they are durable, so nothing is acknowledged
/// that a crash could take back. Without a state file there is no sink and this is `withLock`.
extension ZISService {
    func commit<Result, Failure: Error>(
        _ body: (inout ServiceState, StateChanges) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let changes = StateChanges(sink: changeSink)
        let result = try state.withLock { state throws(Failure) in try body(&state, changes) }
        changeSink?.waitUntilDurable()
        return result
    }

    /// The whole state, copied (copy-on-write) under the lock together with whatever `mark`
    /// notes there, so a snapshot and the sink's position in its log describe the same moment.
    package func copyState(marking mark: () -> Void) -> StateCopy {
        state.withLock { state in
            mark()
            return StateCopy(state: state)
        }
    }
}
