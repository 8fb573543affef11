import Logging
import ZISMock

/// The sections of `--help`, in the order it prints them.
enum OptionGroup: CaseIterable {
    case server, seed, tls, limits, logs, admin

    var title: String {
        switch self {
        case .server: "Server"
        case .seed: "Seed"
        case .tls: "HTTPS"
        case .limits: "Limits and timeouts"
        case .logs: "Logs (stderr)"
        case .admin: "Control plane (/__admin/)"
        }
    }
}

extension CommandLineOptions {
    /// Every option, once: the parser, the environment twins, `--help` and (checked by
    /// CLITests) the README's flag table all come from this list.
    static let options: [Option] = [
        // Server
        Option("--host", "HOST", .server, "address to bind: 0.0.0.0 or :: for every interface",
               default: { $0.configuration.host }) { $0.configuration.host = $1 },
        Option("--port", "PORT", .server, "port to bind, 0 for any free one (read it from the listening line)",
               default: { "\($0.configuration.port)" }) { $0.configuration.port = try number($1, in: 0...65535) },
        Option("--cors-origin", "ORIGIN", .server, "browser origin allowed by CORS (repeatable; env: comma-separated)",
               default: { $0.configuration.cors?.allowedOrigins.joined(separator: ",") }) {
            if $0.corsOrigins == nil { $0.corsOrigins = [] }
            $0.corsOrigins? += $1.split(separator: ",").map(String.init)
        },
        Option("--no-cors", nil, .server, "send no CORS headers and answer no preflights") { $0.corsDisabled = try switchValue($1) },

        // Seed
        Option("--seed", "PATH", .seed, "seed file, or folder whose *.json files are merged",
               default: { $0.seedPath ?? "built-in" }) { $0.seedPath = $1 },
        Option("--watch", nil, .seed, "reload the --seed files when they change (SIGHUP always reloads them)") {
            $0.watchSeed = try switchValue($1)
        },
        Option("--state-file", "PATH", .seed, "keep the state across restarts in PATH (a seed-format snapshot) and PATH.log",
               default: { $0.configuration.stateFile ?? "off" }) { $0.configuration.stateFile = $1 },
        Option("--state-log-limit", "BYTES", .seed, "fold PATH.log into the snapshot once it grows past this",
               default: { "\($0.configuration.stateLogLimitBytes)" }) {
            $0.configuration.stateLogLimitBytes = try number($1, in: 4096...1 << 34)
        },

        // HTTPS
        Option("--tls-cert", "FILE", .tls, "serve HTTPS with this PEM certificate chain (needs --tls-key)") { $0.tls.certificate = $1 },
        Option("--tls-key", "FILE", .tls, "the PEM private key for --tls-cert") { $0.tls.key = $1 },
        Option("--tls-self-signed", nil, .tls, "make a key and self-signed certificate at start-up") {
            $0.tls.selfSigned = try switchValue($1)
        },
        Option("--tls-name", "NAME", .tls,
               "another name for the self-signed certificate, beside \(TLSSettings.defaultNames.joined(separator: ", ")) (repeatable; env: comma-separated)") {
            $0.tls.names += $1.split(separator: ",").map(String.init)
        },
        Option("--tls-cert-out", "FILE", .tls, "write the self-signed certificate here, for clients to trust") {
            $0.tls.certificateOutput = $1
        },
        Option("--tls-port", "PORT", .tls, "HTTPS on this port beside plain HTTP (without it, HTTPS takes the main port)") {
            $0.tls.port = try number($1, in: 0...65535)
        },

        // Limits and timeouts
        Option("--max-connections", "N", .limits, "open connections at most; more are accepted and closed at once",
               default: { "\($0.configuration.tuning.maxConnections)" }) {
            $0.configuration.tuning.maxConnections = try number($1, in: 1...1_000_000)
        },
        Option("--request-timeout", "SECONDS", .limits, "a started request must be complete by then (slowloris)",
               default: { seconds($0.configuration.tuning.requestTimeoutMilliseconds) }) {
            $0.configuration.tuning.requestTimeoutMilliseconds = try milliseconds($1)
        },
        Option("--idle-timeout", "SECONDS", .limits, "idle keep-alive connections are closed after this",
               default: { seconds($0.configuration.tuning.idleTimeoutMilliseconds) }) {
            $0.configuration.tuning.idleTimeoutMilliseconds = try milliseconds($1)
        },
        Option("--write-timeout", "SECONDS", .limits, "a client that reads none of its response is dropped after this",
               default: { seconds($0.configuration.tuning.writeTimeoutMilliseconds) }) {
            $0.configuration.tuning.writeTimeoutMilliseconds = try milliseconds($1)
        },
        Option("--max-request-line", "BYTES", .limits, "longest request line; longer gets 414",
               default: { "\($0.configuration.limits.maxRequestLineBytes)" }) {
            $0.configuration.limits.maxRequestLineBytes = try number($1, in: 64...1 << 20)
        },
        Option("--max-header-bytes", "BYTES", .limits, "largest header block; larger gets 431",
               default: { "\($0.configuration.limits.maxHeaderBytes)" }) {
            $0.configuration.limits.maxHeaderBytes = try number($1, in: 256...1 << 24)
        },
        Option("--max-headers", "N", .limits, "most header fields; more gets 431",
               default: { "\($0.configuration.limits.maxHeaderCount)" }) {
            $0.configuration.limits.maxHeaderCount = try number($1, in: 1...10_000)
        },
        Option("--max-body", "BYTES", .limits, "largest request body; larger gets 413 before the body is read",
               default: { "\($0.configuration.limits.maxBodyBytes)" }) {
            $0.configuration.limits.maxBodyBytes = try number($1, in: 0...1 << 30)
        },
        Option("--rate-limit", "N/WINDOW", .limits, "per-token request limit such as 700/60s (PUT /__admin/rate-limit changes it)",
               default: { $0.configuration.rateLimit?.description ?? "off" }) {
            guard let limit = RateLimit(parsing: $1) else { throw InvalidValue(expected: "must be \(RateLimit.syntax)") }
            $0.configuration.rateLimit = limit
        },
        Option("--bundle-resource-type", "TYPE", .limits, "a bundle resource type uploads take besides ZIS::Flow, ZIS::Action::Http, ZIS::JobSpec (repeatable; env: comma-separated)",
               default: { $0.configuration.extraBundleResourceTypes.isEmpty ? nil : $0.configuration.extraBundleResourceTypes.joined(separator: ",") }) {
            $0.configuration.extraBundleResourceTypes += $1.split(separator: ",").map(String.init)
        },
        Option("--token-lifetime", "SECONDS", .limits, "life of tokens /oauth/tokens mints without expires_in; 0 never expires",
               default: { "\($0.configuration.tokenLifetimeSeconds ?? 0)" }) {
            let seconds: Int = try number($1, in: 0...315_360_000)
            $0.configuration.tokenLifetimeSeconds = seconds == 0 ? nil : seconds
        },
        Option("--keep-oauth-connections", nil, .limits, "deleting an OAuth client keeps its connections (Zendesk deletes them)") {
            $0.configuration.keepsOAuthConnectionsOfDeletedClients = try switchValue($1)
        },

        // Logs
        Option("--log-format", "FORMAT", .logs, "line format: \(LogFormat.allCases.map(\.rawValue).joined(separator: " or "))",
               default: { $0.configuration.log?.format.rawValue }) {
            guard let format = LogFormat(rawValue: $1) else {
                throw InvalidValue(expected: "takes \(LogFormat.allCases.map(\.rawValue).joined(separator: " or "))")
            }
            $0.configuration.log = LogOutput(format: format, level: $0.configuration.log?.level ?? .notice)
        },
        Option("--log-level", "LEVEL", .logs, "\(levelNames); notice logs start and stop, info adds a line per request",
               default: { $0.configuration.log?.level.rawValue }) {
            guard let level = Logger.Level(rawValue: $1) else { throw InvalidValue(expected: "takes \(levelNames)") }
            $0.configuration.log = LogOutput(format: $0.configuration.log?.format ?? .text, level: level)
        },

        // Control plane
        Option("--journal-size", "N", .admin, "requests kept for GET /__admin/requests; 0 turns the journal off",
               default: { "\($0.configuration.journalSize)" }) {
            $0.configuration.journalSize = try number($1, in: 0...1_000_000)
        },
        Option("--admin-token", "TOKEN", .admin, "/__admin/* except health and the dashboard page then needs Authorization: Bearer TOKEN") {
            $0.configuration.admin.token = $1
        },
        Option("--no-admin", nil, .admin, "turn the control plane off (health and ready stay)") {
            $0.configuration.admin.enabled = !(try switchValue($1))
        },
        Option("--no-header-faults", nil, .admin, "ignore X-ZIS-Mock-Fault request headers") {
            $0.configuration.admin.headerFaults = !(try switchValue($1))
        },
    ]

    private static let levelNames = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
}
