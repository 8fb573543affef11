import Glibc
import ZISMockLocking

/// The little file-system access seed loading needs, over Glibc (the domain avoids Foundation
/// for startup time and memory). Failures become `SeedError`s naming the path and errno text.
enum SeedFiles {
    static func isDirectory(_ path: String) throws(SeedError) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { throw failure(path, "cannot access") }
        return status.st_mode & S_IFMT == S_IFDIR
    }

    /// Reads into a buffer sized from `fstat` once, rather than growing it chunk by chunk (which
    /// copied a 160 MB seed over and over); a file that grows meanwhile is still read to its end.
    static func read(_ path: String) throws(SeedError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, "cannot open") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(path, "cannot access") }
        let size = max(Int(status.st_size), 0)
        if size >= stretchReadMinimumBytes, let bytes = readInStretches(descriptor, size: size) {
            return bytes
        }
        // One byte more than the size, so that a full buffer means the file grew.
        var wanted = size + 1
        var bytes: [UInt8] = []
        while true {
            guard let chunk = read(descriptor, upTo: wanted) else { throw failure(path, "cannot read") }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if chunk.count < wanted { return bytes }
            wanted = bytes.count
        }
    }

    /// Below this size one thread reads the file: a few milliseconds, less than waking others.
    static let stretchReadMinimumBytes = 8 << 20

    /// The whole file, `size` bytes, read by every processor at once, a stretch each with `pread`:
    /// copying a 160 MB seed out of the page cache into fresh pages was a quarter of the CPU
    /// time of loading it, all on one thread. nil when the file is not `size` bytes any more (it
    /// changed since `fstat`) or a read failed: the caller then reads it from the start as it is.
    /// The descriptor's offset is left at 0 (`pread` does not move it).
    private static func readInStretches(_ descriptor: Int32, size: Int) -> [UInt8]? {
        let failed = Locked(false)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            let base = buffer.baseAddress!
            ParallelWork.forEachStretch(of: size) { stretch in
                var offset = stretch.lowerBound
                while offset < stretch.upperBound {
                    let count = pread(descriptor, base + offset, stretch.upperBound - offset, off_t(offset))
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else {  // an error, or the end of a file that shrank
                        failed.withLock { $0 = true }
                        return
                    }
                    offset += count
                }
            }
            filled = failed.withLock { $0 } ? 0 : size
        }
        var probe: UInt8 = 0
        guard bytes.count == size, pread(descriptor, &probe, 1, off_t(size)) == 0 else { return nil }
        return bytes
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
