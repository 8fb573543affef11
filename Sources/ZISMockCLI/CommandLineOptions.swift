import Logging
import ZISMock
import ZISMockRouting

/// The command line: every option is a flag with a `ZIS_MOCK_*` environment twin (containers set
/// the twins), and a flag wins over its twin. Parsed by hand from one table: the options are simple
/// values, and swift-argument-parser would load Foundation into a binary whose start-up time is a feature.
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

    init() {
        configuration.port = 8080
        // Start-up and shutdown only: a line per request costs more than answering it (about
        // 50 µs against 35), so request lines are asked for with --log-level info.
        configuration.log = LogOutput(level: .notice)
    }

    struct Option: Sendable {
        let flag: String
        /// nil for a switch that takes no value (its environment twin takes `true`/`1`).
        let placeholder: String?
        let help: String
        let apply: @Sendable (inout CommandLineOptions, String) throws -> Void

        var environmentName: String {
            "ZIS_MOCK_" + flag.dropFirst(2).uppercased().replacingOccurrences(of: "-", with: "_")
        }
    }

    static let options: [Option] = [
        Option(flag: "--host", placeholder: "HOST", help: "address to bind (default 127.0.0.1)") { $0.configuration.host = $1 },
        Option(flag: "--port", placeholder: "PORT", help: "port to bind, 0 for any free port (default 8080)") {
            $0.configuration.port = try number($1, flag: "--port", in: 0...65535)
        },
        Option(flag: "--seed", placeholder: "PATH", help: "seed file, or folder of *.json files (default: the built-in seed)") {
            $0.seedPath = $1
        },
        Option(flag: "--tls-cert", placeholder: "FILE", help: "serve HTTPS with this PEM certificate chain (needs --tls-key)") {
            $0.tls.certificate = $1
        },
        Option(flag: "--tls-key", placeholder: "FILE", help: "the PEM private key for --tls-cert") { $0.tls.key = $1 },
        Option(flag: "--tls-self-signed", placeholder: nil, help: "make a key and self-signed certificate at start-up") {
            $0.tls.selfSigned = try switchValue($1, flag: "--tls-self-signed")
        },
        Option(flag: "--tls-name", placeholder: "NAME", help: "another name for the self-signed certificate (repeatable; env: comma-separated)") {
            $0.tls.names += $1.split(separator: ",").map(String.init)
        },
        Option(flag: "--tls-cert-out", placeholder: "FILE", help: "write the self-signed certificate here, for clients to trust") {
            $0.tls.certificateOutput = $1
        },
        Option(flag: "--tls-port", placeholder: "PORT", help: "HTTPS on this port beside plain HTTP (default: HTTPS takes the main port)") {
            $0.tls.port = try number($1, flag: "--tls-port", in: 0...65535)
        },
        Option(flag: "--cors-origin", placeholder: "ORIGIN", help: "browser origin allowed by CORS (repeatable; default *)") {
            if $0.corsOrigins == nil { $0.corsOrigins = [] }
            $0.corsOrigins? += $1.split(separator: ",").map(String.init)
        },
        Option(flag: "--no-cors", placeholder: nil, help: "send no CORS headers and answer no preflights") {
            $0.corsDisabled = try switchValue($1, flag: "--no-cors")
        },
        Option(flag: "--log-format", placeholder: "json|text", help: "log line format on stderr (default text)") {
            guard let format = LogFormat(rawValue: $1) else { throw UsageError(description: "--log-format takes json or text, got '\($1)'") }
            $0.configuration.log = LogOutput(format: format, level: $0.configuration.log?.level ?? .notice)
        },
        Option(flag: "--log-level", placeholder: "LEVEL", help: "trace, debug, info (one line per request), notice (default: start and stop), warning, error, critical") {
            guard let level = Logger.Level(rawValue: $1) else { throw UsageError(description: "--log-level takes trace, debug, info, notice, warning, error or critical, got '\($1)'") }
            $0.configuration.log = LogOutput(format: $0.configuration.log?.format ?? .text, level: level)
        },
        Option(flag: "--max-connections", placeholder: "N", help: "open connections at most; more are refused (default 10000)") {
            $0.configuration.tuning.maxConnections = try number($1, flag: "--max-connections", in: 1...1_000_000)
        },
        Option(flag: "--request-timeout", placeholder: "SECONDS", help: "time to send a whole request (default 10)") {
            $0.configuration.tuning.requestTimeoutMilliseconds = try milliseconds($1, flag: "--request-timeout")
        },
        Option(flag: "--idle-timeout", placeholder: "SECONDS", help: "idle keep-alive connections close after this (default 60)") {
            $0.configuration.tuning.idleTimeoutMilliseconds = try milliseconds($1, flag: "--idle-timeout")
        },
        Option(flag: "--write-timeout", placeholder: "SECONDS", help: "a client reading nothing of its response is dropped after this (default 30)") {
            $0.configuration.tuning.writeTimeoutMilliseconds = try milliseconds($1, flag: "--write-timeout")
        },
        Option(flag: "--max-request-line", placeholder: "BYTES", help: "longest request line; longer gets 414 (default 8192)") {
            $0.configuration.limits.maxRequestLineBytes = try number($1, flag: "--max-request-line", in: 64...1 << 20)
        },
        Option(flag: "--max-header-bytes", placeholder: "BYTES", help: "largest header block; larger gets 431 (default 16384)") {
            $0.configuration.limits.maxHeaderBytes = try number($1, flag: "--max-header-bytes", in: 256...1 << 24)
        },
        Option(flag: "--max-headers", placeholder: "N", help: "most header fields; more gets 431 (default 100)") {
            $0.configuration.limits.maxHeaderCount = try number($1, flag: "--max-headers", in: 1...10_000)
        },
        Option(flag: "--max-body", placeholder: "BYTES", help: "largest request body; larger gets 413 (default 1048576)") {
            $0.configuration.limits.maxBodyBytes = try number($1, flag: "--max-body", in: 0...1 << 30)
        },
        // The control plane (/__admin/, issue 5).
        Option(flag: "--watch", placeholder: nil, help: "reload the --seed files when they change (SIGHUP always reloads them)") {
            $0.watchSeed = try switchValue($1, flag: "--watch")
        },
        Option(flag: "--journal-size", placeholder: "N", help: "requests kept for GET /__admin/requests, 0 turns the journal off (default 1000)") {
            $0.configuration.journalSize = try number($1, flag: "--journal-size", in: 0...1_000_000)
        },
        Option(flag: "--rate-limit", placeholder: "N/WINDOW", help: "per-token limit such as 700/60s; off by default (PUT /__admin/rate-limit changes it)") {
            guard let limit = RateLimit(parsing: $1) else {
                throw UsageError(description: "--rate-limit must be \(RateLimit.syntax), got '\($1)'")
            }
            $0.configuration.rateLimit = limit
        },
        Option(flag: "--admin-token", placeholder: "TOKEN", help: "/__admin/* except health needs Authorization: Bearer TOKEN") {
            $0.configuration.admin.token = $1
        },
        Option(flag: "--no-admin", placeholder: nil, help: "turn the /__admin/ control plane off (health and ready stay)") {
            $0.configuration.admin.enabled = !(try switchValue($1, flag: "--no-admin"))
        },
        Option(flag: "--no-header-faults", placeholder: nil, help: "ignore X-ZIS-Mock-Fault request headers") {
            $0.configuration.admin.headerFaults = !(try switchValue($1, flag: "--no-header-faults"))
        },
    ]

    static var usage: String {
        let lines = options.map { option in
            let left = "  \(option.flag) \(option.placeholder ?? "")"
            return left.padding(toLength: max(left.count + 2, 32)) + option.help + " [env \(option.environmentName)]"
        }
        return """
            Usage: zis-mock [OPTIONS]

            A mock of Zendesk's ZIS Connections API. Options:

            \(lines.joined(separator: "\n"))
              -h, --help                    show this help

            When ready it prints one JSON line on stdout: {"event":"listening","url":"http://HOST:PORT"}
            """
    }

    enum Outcome {
        case run(CommandLineOptions)
        case help
    }

    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Outcome {
        var values: [(Option, String)] = []
        for option in options {
            if let value = environment[option.environmentName], !value.isEmpty { values.append((option, value)) }
        }
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "-h" || argument == "--help" { return .help }
            let (flag, inline) = split(argument)
            guard let option = options.first(where: { $0.flag == flag }) else { throw UsageError(description: "unknown option '\(argument)'") }
            if option.placeholder == nil {
                values.append((option, inline ?? "true"))
                continue
            }
            guard let value = inline ?? remaining.popFirst() else { throw UsageError(description: "\(flag) needs a value") }
            values.append((option, value))
        }
        var parsed = CommandLineOptions()
        for (option, value) in values {
            do {
                try option.apply(&parsed, value)
            } catch let error as UsageError {
                throw error
            } catch {
                throw UsageError(description: "\(option.flag): \(error)")
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

    private static func number<Value: FixedWidthInteger>(_ text: String, flag: String, in range: ClosedRange<Int>) throws(UsageError) -> Value {
        guard let value = Int(text), range.contains(value) else {
            throw UsageError(description: "\(flag) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return Value(value)
    }

    private static func switchValue(_ text: String, flag: String) throws(UsageError) -> Bool {
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw UsageError(description: "\(flag) takes true or false, got '\(text)'")
        }
    }

    private static func milliseconds(_ text: String, flag: String) throws(UsageError) -> Int64 {
        guard let seconds = Double(text), seconds > 0, seconds <= 86_400 else {
            throw UsageError(description: "\(flag) must be a number of seconds above 0, got '\(text)'")
        }
        return Int64(seconds * 1000)
    }
}

extension String {
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    fileprivate func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}

extension CommandLineOptions.TLSOptions {
    func settings() throws(CommandLineOptions.UsageError) -> TLSSettings? {
        typealias UsageError = CommandLineOptions.UsageError
        switch (certificate, key, selfSigned) {
        case (nil, nil, false):
            guard port == nil, names.isEmpty, certificateOutput == nil else {
                throw UsageError(description: "--tls-port, --tls-name and --tls-cert-out need --tls-cert and --tls-key, or --tls-self-signed")
            }
            return nil
        case (let certificate?, let key?, false):
            return TLSSettings(certificate: .files(certificate: certificate, key: key), port: port)
        case (nil, nil, true):
            let all = TLSSettings.defaultNames + names.filter { !TLSSettings.defaultNames.contains($0) }
            return TLSSettings(certificate: .selfSigned(names: all, writeTo: certificateOutput), port: port)
        case (_, _, true):
            throw UsageError(description: "--tls-self-signed cannot be combined with --tls-cert or --tls-key")
        default:
            throw UsageError(description: "--tls-cert and --tls-key go together")
        }
    }
}
