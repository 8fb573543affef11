import Logging
import ZISMock
import ZISMockRouting

/// The command line: every option is a flag with a `ZIS_MOCK_*` environment twin (containers set
/// the twins), and a flag wins over its twin. Parsed by hand from one table (`options`, in
/// CommandLineOptions+Table.swift): the options are simple values, and swift-argument-parser
/// costs start-up time and binary size (README, "Command line").
struct CommandLineOptions {
    var configuration = ZISMockConfiguration()
    var seedPath: String?
    /// `--watch`: poll the seed files and reload them on change.
    var watchSeed = false
    var tls = TLSOptions()
    var corsOrigins: [String]?
    var corsDisabled = false

    /// The TLS flags as given; they make `configuration.tls` once all are read.
    struct TLSOptions {
        var certificate: String?
        var key: String?
        var port: UInt16?
        var selfSigned = false
        var names: [String] = []
        var certificateOutput: String?
    }

    /// The command line's own defaults where they differ from the embedding library's; every
    /// other default is `ZISMockConfiguration`'s, and the help prints them all from this value.
    init() {
        // A fixed, well-known port for a server people start by hand (the library takes any free one).
        configuration.port = 8080
        // Start-up and shutdown only: a line per request costs more than answering it (about
        // 50 µs against 35), so request lines are asked for with --log-level info.
        configuration.log = LogOutput(level: .notice)
    }

    struct Option: Sendable {
        let flag: String
        /// nil for a switch that takes no value (its environment twin takes `true`/`1`).
        let placeholder: String?
        let group: OptionGroup
        let help: String
        /// The default as `--help` and the README show it, read from `CommandLineOptions()` so the
        /// text cannot drift from the value; nil when there is nothing to show (switches, files).
        let shownDefault: @Sendable (CommandLineOptions) -> String?
        /// Throws `InvalidValue` (closures cannot be typed-throws-inferred yet).
        let apply: @Sendable (inout CommandLineOptions, String) throws -> Void

        init(
            _ flag: String, _ placeholder: String?, _ group: OptionGroup, _ help: String,
            default shownDefault: @escaping @Sendable (CommandLineOptions) -> String? = { _ in nil },
            apply: @escaping @Sendable (inout CommandLineOptions, String) throws -> Void
        ) {
            self.flag = flag
            self.placeholder = placeholder
            self.group = group
            self.help = help
            self.shownDefault = shownDefault
            self.apply = apply
        }

        var environmentName: String {
            "ZIS_MOCK_" + String(flag.dropFirst(2).uppercased().map { $0 == "-" ? "_" : $0 })
        }
    }

    /// What is wrong with a value, without saying where it came from: `parse` names the flag or
    /// the environment variable, whichever gave it.
    struct InvalidValue: Error {
        let expected: String
    }

    enum Outcome {
        case run(CommandLineOptions)
        case help
        case version
    }

    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Outcome {
        var values: [(option: Option, value: String, source: String)] = []
        for option in options {
            if let value = environment[option.environmentName], !value.isEmpty {
                values.append((option, value, option.environmentName))
            }
        }
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "-h" || argument == "--help" { return .help }
            if argument == "--version" { return .version }
            let (flag, inline) = split(argument)
            guard let option = options.first(where: { $0.flag == flag }) else { throw UsageError.unknown(argument, flag: flag) }
            if option.placeholder == nil {
                values.append((option, inline ?? "true", flag))
                continue
            }
            guard let value = inline ?? remaining.popFirst() else {
                throw UsageError("\(flag) needs a value (\(flag) \(option.placeholder ?? "VALUE"))")
            }
            values.append((option, value, flag))
        }
        var parsed = CommandLineOptions()
        for (option, value, source) in values {
            do {
                try option.apply(&parsed, value)
            } catch let invalid as InvalidValue {
                throw UsageError("\(source) \(invalid.expected), got '\(value)'")
            } catch {
                throw UsageError("\(source): \(error)")
            }
        }
        parsed.configuration.tls = try parsed.tls.settings()
        if parsed.corsDisabled {
            parsed.configuration.cors = nil
        } else if let origins = parsed.corsOrigins {
            parsed.configuration.cors = CORSPolicy(allowedOrigins: origins)
        }
        return .run(parsed)
    }

    /// `--port=8080` as well as `--port 8080`.
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    // MARK: Values

    static func number<Value: FixedWidthInteger>(_ text: String, in range: ClosedRange<Int>) throws(InvalidValue) -> Value {
        guard let value = Int(text), range.contains(value) else {
            throw InvalidValue(expected: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Value(value)
    }

    static func switchValue(_ text: String) throws(InvalidValue) -> Bool {
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw InvalidValue(expected: "takes true or false")
        }
    }

    static func milliseconds(_ text: String) throws(InvalidValue) -> Int64 {
        guard let seconds = Double(text), seconds > 0, seconds <= 86_400 else {
            throw InvalidValue(expected: "must be a number of seconds above 0 (at most 86400)")
        }
        return Int64(seconds * 1000)
    }

    /// `10` for 10 000 ms, `0.5` for 500: how a timeout's default reads in seconds.
    static func seconds(_ milliseconds: Int64) -> String {
        milliseconds % 1000 == 0 ? "\(milliseconds / 1000)" : "\(Double(milliseconds) / 1000)"
    }
}

extension CommandLineOptions.TLSOptions {
    func settings() throws(UsageError) -> TLSSettings? {
        switch (certificate, key, selfSigned) {
        case (nil, nil, false):
            guard port == nil, names.isEmpty, certificateOutput == nil else {
                throw UsageError("--tls-port, --tls-name and --tls-cert-out need --tls-cert and --tls-key, or --tls-self-signed")
            }
            return nil
        case (let certificate?, let key?, false):
            return TLSSettings(certificate: .files(certificate: certificate, key: key), port: port)
        case (nil, nil, true):
            let all = TLSSettings.defaultNames + names.filter { !TLSSettings.defaultNames.contains($0) }
            return TLSSettings(certificate: .selfSigned(names: all, writeTo: certificateOutput), port: port)
        case (_, _, true):
            throw UsageError("--tls-self-signed cannot be combined with --tls-cert or --tls-key")
        default:
            throw UsageError("--tls-cert and --tls-key go together")
        }
    }
}
