import Foundation
import Testing

/// What a person at a terminal sees from `zis-mock`: the help, the version, and usage errors.
@Suite("CLI: help, version and usage errors")
struct CLIUsageTests {
    @Test func helpFitsEightyColumnsAndIsGrouped() throws {
        let help = try Self.help()
        let wide = help.split(separator: "\n").filter { $0.count > 80 }
        #expect(wide.isEmpty, "lines over 80 columns: \(wide)")
        for group in ["Server:", "Seed:", "HTTPS:", "Limits and timeouts:", "Logs (stderr):", "Control plane (/__admin/):"] {
            #expect(help.contains("\n\(group)\n"), "group \(group)")
        }
        let entries = Self.entries(inHelp: help)
        #expect(entries["--port"]?.defaultValue == "8080")
        #expect(entries["--max-connections"]?.defaultValue == "10000")
        #expect(entries["--request-timeout"]?.environment == "ZIS_MOCK_REQUEST_TIMEOUT")
        #expect(entries.count >= 27)
    }

    @Test func versionIsOneLineAndAlsoInTheListeningLine() throws {
        let version = try MockProcess(arguments: ["--version"])
        #expect(try version.waitForExit(timeout: 5) == 0)
        let line = version.remainingStandardOutput().trimmingCharacters(in: .newlines)
        #expect(line.range(of: #"^zis-mock [0-9]+\.[0-9]+\.[0-9]+$"#, options: .regularExpression) != nil, "\(line)")

        let server = try MockProcess(arguments: ["--port", "0"])
        defer { server.terminate() }
        _ = try server.waitForListening()
        #expect(server.listeningLine?.hasSuffix(#","version":"\#(line.dropFirst("zis-mock ".count))"}"#) == true)
    }

    @Test func aMisspelledFlagGetsOneLineWithASuggestionAndAHint() throws {
        let process = try MockProcess(arguments: ["--prot", "9000"])
        #expect(try process.waitForExit(timeout: 5) == 64)
        let lines = process.remainingStandardError().split(separator: "\n")
        #expect(lines == ["zis-mock: unknown option '--prot'; did you mean '--port'?", "Run 'zis-mock --help' for the options."])
    }

    @Test func suggestionsCoverAbbreviationsSingleDashesAndTheSubcommand() throws {
        for (arguments, expected) in [
            (["--max-conn", "5"], "did you mean '--max-connections'?"),
            (["-port", "5"], "did you mean '--port'?"),
            (["healtcheck"], "unexpected argument 'healtcheck'; did you mean 'healthcheck'?"),
            (["--tls-self-sigend"], "did you mean '--tls-self-signed'?"),
        ] {
            let process = try MockProcess(arguments: arguments)
            #expect(try process.waitForExit(timeout: 5) == 64)
            #expect(process.remainingStandardError().contains(expected), "\(arguments)")
        }
        let nothingClose = try MockProcess(arguments: ["--completely-different"])
        #expect(try nothingClose.waitForExit(timeout: 5) == 64)
        #expect(!nothingClose.remainingStandardError().contains("did you mean"))
    }

    @Test func aBadValueNamesWhereItCameFrom() throws {
        let fromEnvironment = try MockProcess(arguments: [], environment: ["ZIS_MOCK_MAX_BODY": "lots"])
        #expect(try fromEnvironment.waitForExit(timeout: 5) == 64)
        #expect(fromEnvironment.remainingStandardError().hasPrefix("zis-mock: ZIS_MOCK_MAX_BODY must be a whole number from 0 to 1073741824, got 'lots'\n"))

        let fromFlag = try MockProcess(arguments: ["--log-format", "xml"])
        #expect(try fromFlag.waitForExit(timeout: 5) == 64)
        #expect(fromFlag.remainingStandardError().hasPrefix("zis-mock: --log-format takes json or text, got 'xml'\n"))
    }

    @Test func aMisspelledEnvironmentVariableIsReportedAndTheServerStillStarts() throws {
        let port = try freePort()
        let process = try MockProcess(arguments: [], environment: ["ZIS_MOCK_PROT": "9", "ZIS_MOCK_PORT": String(port)])
        defer { process.terminate() }
        #expect(try process.waitForListening() == port)
        #expect(process.remainingStandardError().contains("zis-mock: ignoring ZIS_MOCK_PROT, which no option reads; did you mean ZIS_MOCK_PORT?"))
    }

    /// The README's flag table is checked against `--help`, which prints the defaults from the
    /// configuration values themselves: every option is in the table with its variable and default.
    @Test func theReadmeFlagTableMatchesTheHelp() throws {
        let help = Self.entries(inHelp: try Self.help())
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "\n## Command line\n")).upperBound
        let sectionEnd = readme[section...].range(of: "\n## ")?.lowerBound ?? readme.endIndex
        var table: [String: Entry] = [:]
        for line in readme[section..<sectionEnd].split(separator: "\n") where line.hasPrefix("| `--") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            }
            guard cells.count >= 5 else { continue }
            table[cells[1]] = Entry(environment: cells[2], defaultValue: cells[3] == "—" ? nil : cells[3])
        }
        #expect(Set(table.keys) == Set(help.keys), "README rows \(Set(table.keys).symmetricDifference(help.keys)) differ from --help")
        for (flag, entry) in help {
            #expect(table[flag] == entry, "README row for \(flag): \(String(describing: table[flag])), --help: \(entry)")
        }
    }

    struct Entry: Equatable {
        let environment: String
        let defaultValue: String?
    }

    static func help() throws -> String {
        let process = try MockProcess(arguments: ["--help"])
        #expect(try process.waitForExit(timeout: 5) == 0)
        return process.remainingStandardOutput()
    }

    /// `--flag` → its `[env: …]` and `[default: …]`, joining each option's wrapped lines.
    static func entries(inHelp help: String) -> [String: Entry] {
        var joined: [String] = []
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  --") {
                joined.append(String(line))
            } else if line.hasPrefix("    "), !joined.isEmpty {
                joined[joined.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
            }
        }
        var entries: [String: Entry] = [:]
        for entry in joined {
            guard let environment = bracketed("env", in: entry) else { continue }
            let flag = String(entry.trimmingCharacters(in: .whitespaces).prefix { $0 != " " })
            entries[flag] = Entry(environment: environment, defaultValue: bracketed("default", in: entry))
        }
        return entries
    }

    private static func bracketed(_ key: String, in text: String) -> String? {
        guard let start = text.range(of: "[\(key): "), let end = text[start.upperBound...].firstIndex(of: "]") else { return nil }
        return String(text[start.upperBound..<end])
    }
}
