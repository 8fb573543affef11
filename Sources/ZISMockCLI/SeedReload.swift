import ZISDomain
import ZISMock

/// Reloading the `--seed` files on SIGHUP or, with `--watch`, when they change. Each outcome is
/// one JSON line on stderr, so a harness (or a person) sees why a broken file was not taken.
struct SeedReload: Sendable {
    let server: ZISMockServer
    /// nil: the built-in seed, which has no file to reload.
    let path: String?

    func reload(reason: String) {
        guard let path else {
            StandardStreams.error(#"{"event":"seed_reload_skipped","reason":"\#(reason)","detail":"no --seed path; the built-in seed does not change"}"#)
            return
        }
        do throws(SeedError) {
            try server.reloadSeed(from: path)
            StandardStreams.error(#"{"event":"seed_reloaded","reason":"\#(reason)","path":\#(quoted(path))}"#)
        } catch {
            StandardStreams.error(
                #"{"event":"seed_reload_failed","reason":"\#(reason)","detail":\#(quoted(error.description)),"kept":"previous state"}"#)
        }
    }

    /// `baseline`: the files' signature from just before the served seed was read.
    func watch(since baseline: [Int]?) -> SeedFileWatcher? {
        guard let path else {
            StandardStreams.error(#"{"event":"seed_watch_skipped","detail":"--watch needs --seed"}"#)
            return nil
        }
        return SeedFileWatcher(path: path, since: baseline) { reload(reason: "changed") }
    }

    private func quoted(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
