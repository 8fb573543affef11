import Glibc
import ZISDomain
import ZISMockLocking

/// The durable side of `--state-file` (issue 17): an append-only log of the service's changes
/// beside a snapshot in the seed format, with group commit.
///
/// `append` only queues the change (it runs under the state lock). `waitUntilDurable` makes the
/// caller the writer if no one is writing: it takes every queued change, appends them as
/// records and `fdatasync`s once, while later changes queue up behind it; when it is done, one
/// of the callers still waiting takes the next batch. So one sync covers every change appended
/// while the previous one ran, and no change is acknowledged before its record is on disk.
/// When the log passes `compactionThreshold` the writer folds it into a new snapshot.
package final class StateLog: StateChangeSink, @unchecked Sendable {
    package let files: StateFiles
    let compactionThreshold: Int
    private let condition = Condition()

    // Guarded by `condition`.
    private var pending: [StateChange] = []
    /// Changes appended and changes durable, counted from start-up.
    private var appended: UInt64 = 0
    private var durable: UInt64 = 0
    private var writing = false
    /// After `close()`: the files are another server's to open; later changes are not kept.
    private var closed = false
    private weak var service: ZISService?

    // Touched only by the one caller that is writing (`writing` set), or before `attach`.
    private var descriptor: Int32
    private var logSize: Int
    /// Held open for the log's life: its `flock` keeps other servers off the files.
    private let lock: Int32

    init(files: StateFiles, descriptor: Int32, lock: Int32, logSize: Int, compactionThreshold: Int) {
        self.files = files
        self.descriptor = descriptor
        self.lock = lock
        self.logSize = logSize
        self.compactionThreshold = compactionThreshold
    }

    deinit {
        if !closed { closeFiles() }
    }

    /// The service whose state a compaction snapshots.
    package func attach(_ service: ZISService) {
        condition.lock()
        self.service = service
        condition.unlock()
    }

    package func append(_ change: StateChange) {
        condition.lock()
        if !closed {
            pending.append(change)
            appended += 1
        }
        condition.unlock()
    }

    package func waitUntilDurable() {
        condition.lock()
        let target = appended
        while durable < target {
            if writing {
                condition.wait()
                continue
            }
            writing = true
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            let batchEnd = appended
            condition.unlock()
            let reached = write(batch, upTo: batchEnd)
            condition.lock()
            durable = max(durable, reached)
            writing = false
            condition.broadcast()
        }
        condition.unlock()
    }

    /// Clean shutdown: everything is folded into the snapshot, the log starts empty, and the
    /// files (and their lock) are let go, so another server may open them at once.
    package func close() {
        condition.lock()
        while writing { condition.wait() }
        guard !closed else { return condition.unlock() }
        writing = true
        condition.unlock()
        let reached = compact(closing: true)
        closeFiles()
        condition.lock()
        durable = max(durable, reached)
        writing = false
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func closeFiles() {
        Glibc.close(descriptor)
        Glibc.close(lock)
    }

    /// Appends `batch` durably; returns the count of changes that are now durable.
    private func write(_ batch: [StateChange], upTo end: UInt64) -> UInt64 {
        var bytes: [UInt8] = []
        for change in batch { LogFormat.appendRecord(change.recordBytes, to: &bytes) }
        guard !bytes.isEmpty else { return end }
        do throws(DurableFiles.Failure) {
            try DurableFiles.appendDurably(bytes, to: descriptor, path: files.log)
        } catch {
            Self.stop(error)
        }
        logSize += bytes.count
        return logSize > compactionThreshold ? max(compact(), end) : end
    }

    /// Snapshot of the state as it is now, then a fresh log naming it. The changes still queued
    /// when the state is copied are in the snapshot, so they are dropped from the queue; they
    /// are durable once the snapshot is. `closing`: the last one; changes after the copy are not
    /// queued at all, so nothing is left to write to the files once they are closed.
    private func compact(closing: Bool = false) -> UInt64 {
        condition.lock()
        let service = service
        condition.unlock()
        guard let service else { return 0 }
        var covered: UInt64 = 0
        let copy = service.copyState {
            condition.lock()
            covered = appended
            pending.removeAll(keepingCapacity: true)
            if closing { closed = true }
            condition.unlock()
        }
        do throws(DurableFiles.Failure) {
            let (fresh, size) = try files.writeSnapshot(SeedWriter.json(copy.seed, revealSecrets: true))
            Glibc.close(descriptor)
            (descriptor, logSize) = (fresh, size)
        } catch {
            Self.stop(error)
        }
        return covered
    }

    /// A change the API is about to acknowledge cannot be made durable: stopping is the only
    /// answer that does not lie to the client (it sees a dropped connection, not a 2xx).
    private static func stop(_ failure: DurableFiles.Failure) -> Never {
        fatalError("zis-mock: the state file cannot be written, stopping: \(failure)")
    }
}
