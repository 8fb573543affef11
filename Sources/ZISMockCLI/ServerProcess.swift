import Glibc

/// What a running `zis-mock` server was started with, read from `/proc/PID`: its arguments and
/// its `ZIS_MOCK_*` environment. In a container PID 1 is the server (or an init such as tini or
/// podman's catatonit, whose command line ends with the server's), so `zis-mock healthcheck`
/// probes the port and scheme the server really uses, whatever flags `docker run` was given.
struct ServerProcess {
    let pid: Int32
    /// The arguments after the executable's name.
    let arguments: [String]
    /// `ZIS_MOCK_*` variables only; empty when `/proc/PID/environ` is not readable (another user).
    let environment: [String: String]

    /// nil when the process is gone or is not a `zis-mock` server (a shell, systemd, a healthcheck).
    init?(pid: Int32) {
        guard let commandLine = Self.nulSeparated("/proc/\(pid)/cmdline") else { return nil }
        // The executable is the first word named zis-mock (or named as this binary is): after an
        // init's own arguments (`tini -- zis-mock …`, `catatonit -P -- zis-mock …`) when there is one.
        let names: Set<String> = ["zis-mock", Self.baseName(CommandLine.arguments.first ?? "zis-mock")]
        guard let executable = commandLine.firstIndex(where: { names.contains(Self.baseName($0)) }) else { return nil }
        let arguments = Array(commandLine[(executable + 1)...])
        guard arguments.first != "healthcheck" else { return nil }
        self.pid = pid
        self.arguments = arguments
        var environment: [String: String] = [:]
        for entry in Self.nulSeparated("/proc/\(pid)/environ") ?? [] where entry.hasPrefix("ZIS_MOCK_") {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            environment[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        self.environment = environment
    }

    private static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// A /proc file of NUL-terminated strings; nil when it cannot be read.
    private static func nulSeparated(_ path: String) -> [String]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            bytes += chunk[..<count]
            guard bytes.count <= 1 << 20 else { return nil }
        }
        guard !bytes.isEmpty else { return [] }
        if bytes.last == 0 { bytes.removeLast() }
        return bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}
