import CFileMap
import Glibc

/// The little file-system access seed loading needs, over Glibc (the domain avoids Foundation
/// for startup time and memory). Failures become `SeedError`s naming the path and errno text.
enum SeedFiles {
    static func isDirectory(_ path: String) throws(SeedError) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { throw failure(path, "cannot access") }
        return status.st_mode & S_IFMT == S_IFDIR
    }

    /// The file's bytes, for `body`. A file of `mapMinimumBytes` or more is mapped, not copied:
    /// reading a 160 MB seed meant filling as many fresh pages, a tenth of a load's processor time.
    /// Should the file shrink while `body` reads the mapping (an editor rewriting it in place; the
    /// reads past its new end see zeros, `CFileMap`), whatever `body` made of it is dropped and it
    /// runs again on the file as it is then, read into memory.
    static func withContents<Result>(
        _ path: String, _ body: (UnsafeBufferPointer<UInt8>) throws(SeedError) -> Result
    ) throws(SeedError) -> Result {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, "cannot open") }
        defer { close(descriptor) }
        let status = try status(of: descriptor, path)
        let size = Int(status.st_size)
        if size >= mapMinimumBytes, status.st_mode & S_IFMT == S_IFREG, let base = zm_map_file(descriptor, size) {
            let outcome = Swift.Result { () throws(SeedError) in
                try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size))
            }
            if zm_unmap_file(base, size) == 0 { return try outcome.get() }
        }
        return try read(descriptor, path).withUnsafeBufferPointer { bytes throws(SeedError) in try body(bytes) }
    }

    static let mapMinimumBytes = 1 << 20

    private static func status(of descriptor: Int32, _ path: String) throws(SeedError) -> stat {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(path, "cannot access") }
        return status
    }

    /// The file from its start (a mapping does not move the offset), into a buffer sized from
    /// `fstat` once rather than grown chunk by chunk (which copied a big seed over and over); a
    /// file that grows meanwhile is still read to its end.
    private static func read(_ descriptor: Int32, _ path: String) throws(SeedError) -> [UInt8] {
        // One byte more than the size, so that a full buffer means the file grew.
        var wanted = max(Int(try status(of: descriptor, path).st_size), 0) + 1
        var bytes: [UInt8] = []
        while true {
            guard let chunk = read(descriptor, upTo: wanted) else { throw failure(path, "cannot read") }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if chunk.count < wanted { return bytes }
            wanted = bytes.count
        }
    }

    /// Up to `count` bytes, fewer only at the end of the file; nil if reading fails. The buffer
    /// is not zeroed first (for a big seed that was a pass over 160 MB of fresh pages).
    private static func read(_ descriptor: Int32, upTo count: Int) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            while filled < count {
                let readCount = Glibc.read(descriptor, buffer.baseAddress! + filled, count - filled)
                if readCount < 0 && errno == EINTR { continue }
                if readCount <= 0 {
                    failed = readCount < 0
                    return
                }
                filled += readCount
            }
        }
        return failed ? nil : bytes
    }

    /// The names (not paths) of the `*.json` files directly inside `folder`, in byte order,
    /// which is the merge order of spec §7.
    static func jsonFileNames(in folder: String) throws(SeedError) -> [String] {
        guard let directory = opendir(folder) else { throw failure(folder, "cannot list") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasSuffix(".json") && !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func failure(_ path: String, _ action: String) -> SeedError {
        SeedError(file: path, rule: "\(action) seed: \(String(cString: strerror(errno)))")
    }
}
