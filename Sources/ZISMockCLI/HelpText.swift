/// `zis-mock --help`: the option table grouped by `OptionGroup` and wrapped to 80 columns, each
/// option with its default and environment twin in clap's `[default: …] [env: …]` form (CLITests
/// reads that form back to check the README's flag table).
enum HelpText {
    static let width = 80
    /// Where descriptions start: room for the longest `--flag PLACEHOLDER` and two spaces.
    static let descriptionColumn = 2 + (CommandLineOptions.options.map { flagColumn($0).count }.max() ?? 0) + 2

    static var usage: String {
        var lines = [
            "Usage: zis-mock [OPTIONS]              serve until SIGTERM or Ctrl-C",
            "       zis-mock healthcheck [OPTIONS]  exit 0 if a server answers (HEALTHCHECK)",
            "       zis-mock --version",
            "",
        ]
        lines += wrap(
            "A mock of Zendesk's ZIS Connections API. Every option can also be set by the environment variable"
                + " shown with it; a flag wins over its variable.",
            width: width)
        for group in OptionGroup.allCases {
            lines += ["", group.title + ":"]
            for option in CommandLineOptions.options where option.group == group {
                lines += entry(flag: flagColumn(option), description: description(of: option))
            }
        }
        lines += ["", "Other:"]
        lines += entry(flag: "-h, --help", description: "show this help")
        lines += entry(flag: "--version", description: "print \"zis-mock \(Version.current)\"")
        lines += [""]
        lines += wrap(
            #"When ready it prints one JSON line on stdout: {"event":"listening","url":"http://HOST:PORT","version":"\#(Version.current)"}."#
                + " Exit codes: 0 after SIGTERM or SIGINT, 64 bad usage, 66 unusable seed, 69 the address cannot be bound.",
            width: width)
        return lines.joined(separator: "\n")
    }

    private static func flagColumn(_ option: CommandLineOptions.Option) -> String {
        option.placeholder.map { "\(option.flag) \($0)" } ?? option.flag
    }

    private static func description(of option: CommandLineOptions.Option) -> [String] {
        var words = option.help.split(separator: " ").map(String.init)
        if let shown = option.shownDefault(CommandLineOptions()) { words.append("[default: \(shown)]") }
        words.append("[env: \(option.environmentName)]")
        return words
    }

    /// `  --flag PLACEHOLDER    description…` with the description wrapped into its column; a
    /// bracketed `[default: …]` or `[env: …]` is never split across lines.
    private static func entry(flag: String, description: String) -> [String] {
        entry(flag: flag, description: description.split(separator: " ").map(String.init))
    }

    private static func entry(flag: String, description words: [String]) -> [String] {
        let indent = String(repeating: " ", count: descriptionColumn)
        var lines = wrap(words: words, width: width - descriptionColumn).map { indent + $0 }
        let left = "  " + flag
        if left.count + 2 <= descriptionColumn, !lines.isEmpty {
            lines[0] = left + String(lines[0].dropFirst(left.count))
        } else {
            lines.insert(left, at: 0)
        }
        return lines
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        wrap(words: text.split(separator: " ").map(String.init), width: width)
    }

    /// Greedy wrapping; a word longer than the width gets a line of its own.
    static func wrap(words: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
