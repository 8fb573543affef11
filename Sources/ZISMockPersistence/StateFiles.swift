import ZISDomain

/// The two files behind `--state-file PATH`: `PATH`, a snapshot in the seed format (it loads with
/// `--seed` too), and `PATH.log`, the changes made since that snapshot; `PATH.lock` keeps a second
/// server off the same files (two writers would interleave their logs).
package struct StateFiles: Sendable {
    package let snapshot: String
    package var log: String { snapshot + ".log" }
    var lock: String { snapshot + ".lock" }

    package init(snapshot: String) {
        self.snapshot = snapshot
    }

    /// The snapshot made durable, then a fresh log naming it; returns the log, open for
    /// appending, and its size. A crash between the two leaves the new snapshot with the old
    /// log, which names the old snapshot and is therefore known to be covered.
    func writeSnapshot(_ bytes: [UInt8]) throws(DurableFiles.Failure) -> (descriptor: Int32, size: Int) {
        try DurableFiles.replace(snapshot, with: bytes)
        try DurableFiles.replace(log, with: LogFormat.header(for: LogFormat.SnapshotIdentity(of: bytes)))
        return (try DurableFiles.openForAppending(log), LogFormat.headerSize)
    }
}
