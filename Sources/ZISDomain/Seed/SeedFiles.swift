import Glibc

/// The little file-system access seed loading needs, over Glibc (the domain avoids Foundation
/// for startup time and memory). Failures become `SeedError`s naming the path and errno text.
enum SeedFiles {
    static func isDirectory(_ path: String) throws(SeedError) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { throw failure(path, "cannot access") }
        return status.st_mode & S_IFMT == S_IFDIR
    }

    static func read(_ path: String) throws(SeedError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, "cannot open") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let readCount = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if readCount < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot read")
            }
            if readCount == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<readCount])
        }
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
