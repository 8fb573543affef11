import Glibc
import ZISDomain

/// Opening `--state-file PATH` at start-up (issue 17): the snapshot if there is one, brought up
/// to date by its log, else the seed. Anything that would make the state silently differ from
/// what was acknowledged stops the start with a `SeedError` (exit 66 in the CLI) instead: a
/// snapshot the seed loader refuses, a damaged log header, a log without its snapshot, a whole
/// record that does not read back. A torn tail is the one damage a crash leaves on its own, so
/// it is cut at the last whole record, with a notice.
package enum StateFileLoader {
    /// The log, ready to be attached to the service, and the state the service starts with.
    package static func open(
        path: String, compactionThreshold: Int, seed: () -> Seed, notice: (String) -> Void
    ) throws(SeedError) -> (log: StateLog, state: PreparedState) {
        let files = StateFiles(snapshot: path)
        guard let lock = try io(files, { () throws(DurableFiles.Failure) in try DurableFiles.lock(files.lock) }) else {
            throw SeedError(file: files.snapshot, rule: "is in use by another zis-mock (\(files.lock) is locked)")
        }
        do throws(SeedError) {
            let snapshotBytes = try io(files) { () throws(DurableFiles.Failure) in try DurableFiles.contents(of: files.snapshot) }
            let logBytes = try io(files) { () throws(DurableFiles.Failure) in try DurableFiles.contents(of: files.log) }
            var state: PreparedState
            var upToDate = false
            if let snapshotBytes {
                state = PreparedState(seed: try SeedLoader.parse(snapshotBytes, file: files.snapshot))
                if let logBytes {
                    upToDate = try replay(logBytes, of: snapshotBytes, files: files, into: &state, notice: notice)
                }
            } else {
                if logBytes != nil {
                    throw SeedError(
                        file: files.snapshot, rule: "is missing but its log \(files.log) is there: restore it, or remove the log to start from the seed")
                }
                state = PreparedState(seed: seed())
            }
            let (descriptor, size) = try io(files) { () throws(DurableFiles.Failure) in
                upToDate
                    ? (try DurableFiles.openForAppending(files.log), logBytes?.count ?? 0)
                    : try files.writeSnapshot(SeedWriter.json(state.seed, revealSecrets: true))
            }
            let log = StateLog(files: files, descriptor: descriptor, lock: lock, logSize: size, compactionThreshold: compactionThreshold)
            return (log, state)
        } catch {
            close(lock)
            throw error
        }
    }

    /// A file that cannot be read or written stops the start like a broken one.
    private static func io<Result>(_ files: StateFiles, _ body: () throws(DurableFiles.Failure) -> Result) throws(SeedError) -> Result {
        do { return try body() } catch { throw SeedError(file: files.snapshot, rule: "cannot use the state file: \(error)") }
    }

    /// Applies the log's whole records; true when the log needs no rewrite (it matched the
    /// snapshot, held no records and no torn tail).
    private static func replay(
        _ logBytes: [UInt8], of snapshotBytes: [UInt8], files: StateFiles, into state: inout PreparedState, notice: (String) -> Void
    ) throws(SeedError) -> Bool {
        guard let contents = LogFormat.read(logBytes) else {
            throw SeedError(file: files.log, rule: "is not a zis-mock state log (its header is damaged); move it away to start from \(files.snapshot) alone")
        }
        // A log naming another snapshot is one a compaction replaced just before a crash: the
        // snapshot already holds every record in it.
        guard contents.snapshot == LogFormat.SnapshotIdentity(of: snapshotBytes) else { return false }
        for (index, record) in contents.records.enumerated() {
            state.replay(try StateChange(recordBytes: Array(record), file: "\(files.log) record \(index + 1)"))
        }
        if let torn = contents.tornTail {
            notice(
                "zis-mock: \(files.log): record \(torn.record) at byte \(torn.offset) is torn (\(torn.reason)); "
                    + "kept the \(contents.records.count) whole records before it and dropped the last \(torn.droppedBytes) bytes")
        }
        return contents.records.isEmpty && contents.tornTail == nil
    }
}
