import Foundation
import Glibc
import Testing

/// The `zis-mock` executable, launched as a process: the listening line, SIGTERM, seeds, env twins.
@Suite("CLI: the zis-mock executable")
struct CLITests {
    @Test func listensAnswersAndStopsOnSIGTERM() throws {
        let process = try MockProcess(arguments: ["--port", "0"])
        let port = try process.waitForListening()
        let client = try RawHTTPClient(port: port)
        #expect(try client.exchange(request(target: "/__admin/health")).status == 200)
        #expect(try client.exchange(request(target: Seeded.listPath(query: "page[size]=5"))).status == 200)
        client.close()

        process.terminate()
        let status = try process.waitForExit(timeout: 1.0)  // throws unless it exits within 1 s
        #expect(status == 0)
        #expect(process.remainingStandardOutput().contains(#"{"event":"stopped"}"#))
        #expect(throws: (any Error).self, "the port is closed after exit") { _ = try RawHTTPClient(port: port, timeoutSeconds: 1) }
    }

    @Test func aBadSeedStopsStartupWithFileLineAndPath() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("broken.json")
        try """
            {
              "integrations": [
                {
                  "name": "broken_integration",
                  "tokens": [{"token": "broken-integration-token", "scopes": ["read", "write"]}],
                  "connections": {
                    "api_key": [
                      {"name": "ok_one", "allowed_domain": "api.example.com", "header_name": "X-Key", "api_key": "s1"},
                      {"name": "x", "allowed_domain": "api.example.com", "header_name": "X-Key", "api_key": "s2"}
                    ]
                  }
                }
              ]
            }
            """.write(to: file, atomically: true, encoding: .utf8)
        let port = try freePort()
        let process = try MockProcess(arguments: ["--seed", file.path, "--port", String(port)])
        let status = try process.waitForExit(timeout: 5)
        #expect(status != 0)
        #expect(status == 66)
        let stderr = process.remainingStandardError()
        #expect(stderr.contains(file.path + ":9:"), "names the file and line: \(stderr)")
        #expect(stderr.contains("integrations[0].connections.api_key[1].name"), "names the JSON path: \(stderr)")
        #expect(!process.remainingStandardOutput().contains("listening"))
        #expect(throws: (any Error).self, "nothing listens on the port") { _ = try RawHTTPClient(port: port, timeoutSeconds: 1) }
    }

    @Test func invalidJSONInASeedNamesTheFileAndLine() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("truncated.json")
        try "{\n  \"integrations\": [\n    {\"name\": \"a_b\",\n".write(to: file, atomically: true, encoding: .utf8)
        let process = try MockProcess(arguments: ["--seed", file.path, "--port", "0"])
        #expect(try process.waitForExit(timeout: 5) == 66)
        let stderr = process.remainingStandardError()
        #expect(stderr.contains(file.path + ":"), "\(stderr)")
        #expect(!process.remainingStandardOutput().contains("listening"))
    }

    @Test func aSeedFolderIsMerged() throws {
        let folder = try temporaryFolder()
        for (file, integration, token, connection) in [
            ("a.json", "first_integration", "first-integration-token", "first_connection"),
            ("b.json", "second_integration", "second-integration-token", "second_connection"),
        ] {
            try """
                {"integrations": [{"name": "\(integration)", "tokens": [{"token": "\(token)", "scopes": ["read", "write"]}],
                  "connections": {"bearer_token": [{"name": "\(connection)", "allowed_domain": "api.example.com", "token": "secret-\(connection)",
                    "created_at": "2024-01-15T09:00:00Z", "updated_at": "2024-01-15T09:00:00Z"}]}}]}
                """.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        try "not a seed".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let process = try MockProcess(arguments: ["--seed", folder.path, "--port", "0"])
        defer { process.terminate() }
        let port = try process.waitForListening()
        let client = try RawHTTPClient(port: port)
        for (integration, token, connection) in [
            ("first_integration", "first-integration-token", "first_connection"),
            ("second_integration", "second-integration-token", "second_connection"),
        ] {
            let response = try client.exchange(request(target: Seeded.listPath(integration), authorization: "Bearer \(token)"))
            #expect(response.status == 200)
            #expect(response.text == #"{"api_key":[],"basic_auth":[],"bearer_token":[{"allowed_domain":"api.example.com","created_at":"2024-01-15T09:00:00Z","name":"\#(connection)","token":"*****","updated_at":"2024-01-15T09:00:00Z"}],"oauth":[],"meta":{"after":"\#(connection)","before":"\#(connection)","has_more":false}}"#)
        }
        let crossed = try client.exchange(request(target: Seeded.listPath("first_integration"), authorization: "Bearer second-integration-token"))
        #expect(crossed.status == 401)
        let defaultSeedGone = try client.exchange(request(target: Seeded.listPath()))
        #expect(defaultSeedGone.status == 401, "a --seed replaces the built-in seed")
    }

    @Test func portEnvironmentTwinIsUsed() throws {
        let port = try freePort()
        let process = try MockProcess(arguments: [], environment: ["ZIS_MOCK_PORT": String(port)])
        defer { process.terminate() }
        #expect(try process.waitForListening() == port)
        #expect(process.listeningLine?.hasPrefix(#"{"event":"listening","url":"http://127.0.0.1:\#(port)","version":""#) == true)
        let client = try RawHTTPClient(port: port)
        #expect(try client.exchange(request(target: "/__admin/health")).status == 200)
    }

    @Test func aFlagWinsOverItsEnvironmentTwin() throws {
        let port = try freePort()
        let process = try MockProcess(arguments: ["--port", String(port)], environment: ["ZIS_MOCK_PORT": "1"])
        defer { process.terminate() }
        #expect(try process.waitForListening() == port)
    }

    @Test func seedEnvironmentTwinIsUsed() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("bad.json")
        try #"{"integrations": [{"name": "!!"}]}"#.write(to: file, atomically: true, encoding: .utf8)
        let process = try MockProcess(arguments: ["--port", "0"], environment: ["ZIS_MOCK_SEED": file.path])
        #expect(try process.waitForExit(timeout: 5) == 66)
        #expect(process.remainingStandardError().contains(file.path))
    }

    @Test func unknownOptionsAreAUsageError() throws {
        let process = try MockProcess(arguments: ["--no-such-flag"])
        #expect(try process.waitForExit(timeout: 5) == 64)
        #expect(process.remainingStandardError().contains("--no-such-flag"))
    }
}

// MARK: - Process support

/// A launched `zis-mock` with its stdout and stderr captured; reads use poll() with timeouts.
final class MockProcess {
    let process = Process()
    private let stdout = Pipe()
    private let stderr = Pipe()
    private var outputBuffer: [UInt8] = []
    private(set) var listeningLine: String?

    init(arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = try Self.executable()
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ZIS_MOCK_") }
        // A ThreadSanitizer build of zis-mock otherwise sleeps 1 s at exit (atexit_sleep_ms), which the
        // SIGTERM test would count against the server; harmless for ordinary builds.
        inherited["TSAN_OPTIONS"] = [inherited["TSAN_OPTIONS"], "atexit_sleep_ms=0"].compactMap { $0 }.joined(separator: " ")
        // An AddressSanitizer build of zis-mock checks itself for leaks at exit (a leak makes the
        // exit code non-zero, which the tests check) even when the test runner does not, and keeps a
        // small quarantine so its RSS means what it says.
        inherited["ASAN_OPTIONS"] = [inherited["ASAN_OPTIONS"], "detect_leaks=1:quarantine_size_mb=8"].compactMap { $0 }
            .joined(separator: ":")
        inherited.merge(environment) { $1 }
        process.environment = inherited
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Reads stdout until the listening line; returns the port in its URL.
    func waitForListening(timeout: TimeInterval = 10) throws -> UInt16 {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = outputBuffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: outputBuffer[..<newline], as: UTF8.self)
                outputBuffer.removeFirst(newline + 1)
                guard let data = line.data(using: .utf8),
                    let object = try? JSONSerialization.jsonObject(with: data) as? [String: String],
                    object["event"] == "listening", let url = object["url"], let port = url.split(separator: ":").last.flatMap({ UInt16($0) })
                else { continue }
                listeningLine = line
                return port
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw RawHTTPClient.Failure(description: "no listening line within \(timeout) s; stderr: \(remainingStandardError())") }
            guard let chunk = Self.read(stdout.fileHandleForReading.fileDescriptor, timeout: remaining) else {
                throw RawHTTPClient.Failure(description: "stdout closed before the listening line; stderr: \(remainingStandardError())")
            }
            outputBuffer += chunk
        }
    }

    func terminate() {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
    }

    /// The exit status, waiting at most `timeout` seconds for the process to exit; throws (and
    /// kills) when it does not. The exit is observed in /proc (a zombie counts as exited), so the
    /// timing does not depend on when Foundation's own SIGCHLD handling gets round to reaping it.
    func waitForExit(timeout: TimeInterval) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while !hasExited, Date() < deadline { usleep(2_000) }
        guard hasExited else {
            let state = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)) ?? "gone"
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw RawHTTPClient.Failure(description: "zis-mock did not exit within \(timeout) s (/proc stat: \(state))")
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "exited by itself, not by a signal")
        return process.terminationStatus
    }

    /// True once the child is a zombie or gone.
    var hasExited: Bool {
        if !process.isRunning { return true }
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state == "Z" || state == "X"
    }

    /// Whatever is left on stdout (call once the process has exited).
    func remainingStandardOutput() -> String {
        var bytes = outputBuffer
        while let chunk = Self.read(stdout.fileHandleForReading.fileDescriptor, timeout: 1) { bytes += chunk }
        outputBuffer = []
        return String(decoding: bytes, as: UTF8.self)
    }

    func remainingStandardError() -> String {
        var bytes: [UInt8] = []
        while let chunk = Self.read(stderr.fileHandleForReading.fileDescriptor, timeout: process.isRunning ? 0.2 : 1) { bytes += chunk }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One read, or nil at end of file or timeout.
    private static func read(_ descriptor: Int32, timeout: TimeInterval) -> [UInt8]? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(max(1, timeout * 1000))) > 0 else { return nil }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        return count > 0 ? Array(chunk[..<count]) : nil
    }

    /// `zis-mock` sits next to the test bundle in the build products folder.
    static func executable() throws -> URL {
        var candidates: [URL] = []
        if let testBinary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var folder = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
            // On platforms where the tests are a bundle, climb out of it.
            while folder.path.contains(".xctest") { folder.deleteLastPathComponent() }
            candidates.append(folder.appendingPathComponent("zis-mock"))
        }
        if let argument = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("zis-mock"))
        }
        for scratch in (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.path)) ?? [] where scratch.hasPrefix(".build") {
            candidates.append(repositoryRoot.appendingPathComponent(scratch).appendingPathComponent("debug/zis-mock"))
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw RawHTTPClient.Failure(description: "zis-mock executable not found; looked at \(candidates.map(\.path)). Run `swift build` first.")
        }
        return found
    }
}

/// A port that was free a moment ago (bound to 0, read back, closed).
func freePort() throws -> UInt16 {
    let descriptor = testStreamSocket()
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
    }
    guard bound else { throw RawHTTPClient.Failure(description: "cannot find a free port") }
    return UInt16(bigEndian: address.sin_port)
}

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("zis-mock-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
