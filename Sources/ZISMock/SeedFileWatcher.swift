import Dispatch
import Glibc
import ZISDomain

extension ZISMockServer {
    /// Loads the seed at `path` (a file, or a folder of `*.json` files) and makes it both the
    /// current state and the one `reset` returns to. A broken seed throws and changes nothing.
    public func reloadSeed(from path: String) throws(SeedError) {
        control.reload(baseSeed: try SeedLoader.load(path: path))
    }
}

/// Polls a seed file or folder (`--watch`) and calls `onChange` when anything in it changed:
/// modification time, size or inode of the file, or of the folder and any `*.json` in it.
/// Polling on a Dispatch timer is portable and cheap at this rate; inotify would miss editors
/// that replace files by rename unless watched with care.
// @unchecked: the only stored property is a Dispatch source, whose `cancel()` is thread-safe.
package final class SeedFileWatcher: @unchecked Sendable {
    public static let defaultIntervalMilliseconds = 500

    private let timer: any DispatchSourceTimer

    /// `onChange` runs on a Dispatch queue, never two at once. `baseline` is the signature taken
    /// just before the seed now served was read: a change made between that read and this watcher's
    /// start is then still seen (without it, the first look would take the new files as the old).
    public init(
        path: String, since baseline: [Int]? = nil, intervalMilliseconds: Int = defaultIntervalMilliseconds,
        onChange: @escaping @Sendable () -> Void
    ) {
        let queue = DispatchQueue(label: "zis-mock.seed-watcher")
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let last = SignatureBox(baseline ?? Self.signature(of: path))
        timer.schedule(deadline: .now() + .milliseconds(intervalMilliseconds), repeating: .milliseconds(intervalMilliseconds))
        timer.setEventHandler {
            let current = Self.signature(of: path)
            guard current != last.value else { return }
            last.value = current
            onChange()
        }
        self.timer = timer
        timer.resume()
    }

    public func stop() {
        timer.cancel()
    }

    deinit {
        timer.cancel()
    }

    /// Touched only on the watcher's serial queue.
    private final class SignatureBox: @unchecked Sendable {
        var value: [Int]
        init(_ value: [Int]) { self.value = value }
    }

    /// What a change is judged by: modification time, size and inode of the path and, for a
    /// folder, of each `*.json` in it.
    public static func signature(of path: String) -> [Int] {
        var status = stat()
        guard stat(path, &status) == 0 else { return [-1] }
        var signature = [status.st_mtim.tv_sec, status.st_mtim.tv_nsec, Int(status.st_size), Int(status.st_ino)]
        guard status.st_mode & S_IFMT == S_IFDIR, let directory = opendir(path) else { return signature }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name.hasSuffix(".json") { names.append(name) }
        }
        for name in names.sorted() {
            var file = stat()
            guard stat(path + "/" + name, &file) == 0 else { continue }
            signature += [file.st_mtim.tv_sec, file.st_mtim.tv_nsec, Int(file.st_size), Int(file.st_ino)]
        }
        return signature
    }
}
