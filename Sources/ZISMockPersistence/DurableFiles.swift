import Glibc

/// The few file calls a durable write needs, over Glibc. Each failure names the call, the path
/// and the errno text.
package enum DurableFiles {
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// nil when there is no such file.
    static func contents(of path: String) throws(Failure) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 && errno == ENOENT { return nil }
        guard descriptor >= 0 else { throw failure("open", path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw failure("read", path) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// Writes `bytes` to `path` so that after a crash the file is either what it was or `bytes`,
    /// whole: a temporary file, `fsync`, `rename` over `path`, `fsync` of the folder (which makes
    /// the rename itself durable). Mode 0600: a state file holds every secret in clear.
    static func replace(_ path: String, with bytes: [UInt8]) throws(Failure) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("open", temporary) }
        do throws(Failure) {
            try write(bytes, to: descriptor, path: temporary)
            guard fsync(descriptor) == 0 else { throw failure("fsync", temporary) }
        } catch {
            close(descriptor)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else { throw failure("rename", temporary) }
        try syncFolder(of: path)
    }

    /// An exclusive `flock` on `path` (made if missing) for as long as the returned descriptor is
    /// open; nil when another process holds it.
    static func lock(_ path: String) throws(Failure) -> Int32? {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("open", path) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            if errno == EWOULDBLOCK { return nil }
            throw failure("flock", path)
        }
        return descriptor
    }

    static func openForAppending(_ path: String) throws(Failure) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open", path) }
        return descriptor
    }

    /// Appends `bytes` and waits until they are on disk (`fdatasync`: the data and the length,
    /// which is all a log needs).
    static func appendDurably(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(Failure) {
        try write(bytes, to: descriptor, path: path)
        guard fdatasync(descriptor) == 0 else { throw failure("fdatasync", path) }
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw failure("write", path) }
            written += count
        }
    }

    private static func syncFolder(of path: String) throws(Failure) {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let descriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open", folder) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("fsync", folder) }
    }

    private static func failure(_ call: String, _ path: String) -> Failure {
        Failure(description: "\(call) \(path): \(String(cString: strerror(errno)))")
    }
}
