import ZISMock

/// `zis-mock [--host H] [--port P] [--seed PATH]`, each with a `ZIS_MOCK_*` environment twin;
/// a flag wins over its twin. Parsed by hand: the few flags do not justify loading Foundation,
/// which swift-argument-parser pulls in, into a binary whose start-up time is a feature.
struct CommandLineOptions {
    var host = "127.0.0.1"
    var port: UInt16 = 8080
    var seedPath: String?

    static let usage = """
        Usage: zis-mock [--host HOST] [--port PORT] [--seed PATH]

        A mock of Zendesk's ZIS Connections API.

          --host HOST   address to bind (default 127.0.0.1; env ZIS_MOCK_HOST)
          --port PORT   port to bind, 0 for any free port (default 8080; env ZIS_MOCK_PORT)
          --seed PATH   seed file, or folder of *.json files (default: the built-in seed; env ZIS_MOCK_SEED)
          -h, --help    show this help

        When ready it prints one JSON line on stdout: {"event":"listening","url":"http://HOST:PORT"}
        """

    enum Outcome {
        case run(CommandLineOptions)
        case help
    }

    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Outcome {
        var options = CommandLineOptions()
        var values: [String: String] = [:]
        for (flag, variable) in [("--host", "ZIS_MOCK_HOST"), ("--port", "ZIS_MOCK_PORT"), ("--seed", "ZIS_MOCK_SEED")] {
            if let value = environment[variable], !value.isEmpty { values[flag] = value }
        }
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "-h" || argument == "--help" { return .help }
            let (flag, inline) = split(argument)
            guard ["--host", "--port", "--seed"].contains(flag) else { throw UsageError(description: "unknown option '\(argument)'") }
            guard let value = inline ?? remaining.popFirst() else { throw UsageError(description: "\(flag) needs a value") }
            values[flag] = value
        }
        if let host = values["--host"] { options.host = host }
        if let port = values["--port"] {
            guard let number = UInt16(port) else { throw UsageError(description: "port must be a number from 0 to 65535, got '\(port)'") }
            options.port = number
        }
        options.seedPath = values["--seed"]
        return .run(options)
    }

    /// `--port=8080` as well as `--port 8080`.
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
