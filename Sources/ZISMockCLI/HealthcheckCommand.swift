import Glibc
import ZISMockSockets

/// `zis-mock healthcheck`: the container's HEALTHCHECK, so the image needs no shell or curl. It
/// probes `GET /__admin/health` where the running server really listens. The settings come, first
/// to last, from: the flags given to the healthcheck, the flags of the server process (PID 1 in a
/// container, where `docker run IMAGE --port 9000 --tls-self-signed` puts them), the server's
/// `ZIS_MOCK_*` environment (else the healthcheck's own), the defaults. WireMock's image read the
/// environment only and came up unhealthy whenever the port or scheme was moved by a flag.
enum HealthcheckCommand {
    static let path = "/__admin/health"
    static let defaultPID: Int32 = 1

    static let usage = """
        Usage: zis-mock healthcheck [--pid PID] [OPTIONS]

        \(HelpText.wrap(
            "Probes GET \(path) where the server listens (its --host, or loopback when it binds every interface; "
                + "its --port; HTTPS when HTTPS takes that port, without verifying the certificate) and exits 0 on a "
                + "200 within \(HealthProbe.budgetMilliseconds) ms, 1 otherwise. Health needs no admin token and stays "
                + "on with --no-admin.", width: HelpText.width).joined(separator: "\n"))

        \(HelpText.wrap(
            "The settings come, first to last, from the OPTIONS given here (the server's own flags), the flags of "
                + "the server process PID (default \(defaultPID): in a container, the server), the ZIS_MOCK_* "
                + "environment of that process (else this one's), and the defaults.", width: HelpText.width)
            .joined(separator: "\n"))
        """

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        // A server that closes mid-request must give exit 1, not death by SIGPIPE (OpenSSL writes with write()).
        signal(SIGPIPE, SIG_IGN)
        let settings: Settings
        do {
            guard let resolved = try Settings(arguments: arguments, environment: environment) else {
                StandardStreams.out(usage)
                return 0
            }
            settings = resolved
        } catch {
            StandardStreams.error("zis-mock healthcheck: \(error)\nRun 'zis-mock healthcheck --help' for its options.")
            return 1
        }
        let url = "\(settings.secure ? "https" : "http")://\(settings.address)\(path)"
        let note = settings.server.map { " (settings of PID \($0.pid))" } ?? ""
        switch HealthProbe.statusLine(of: path, at: settings.address, secure: settings.secure) {
        case .success(let statusLine) where HealthProbe.statusCode(statusLine) == 200:
            StandardStreams.out("zis-mock healthcheck: \(url): \(statusLine)\(note)")
            return 0
        case .success(let statusLine):
            StandardStreams.error("zis-mock healthcheck: \(url): \(statusLine)\(note)")
            return 1
        case .failure(let failure):
            StandardStreams.error("zis-mock healthcheck: \(url): \(failure.description)\(note)")
            return 1
        }
    }

    /// Where to probe and how, once every source is read.
    struct Settings {
        let address: SocketAddress
        let secure: Bool
        /// The server process whose flags were used, if one was found.
        let server: ServerProcess?

        /// nil for `--help`.
        init?(arguments: [String], environment: [String: String]) throws(UsageError) {
            var own: [String] = []
            var pid = HealthcheckCommand.defaultPID
            var remaining = arguments[...]
            while let argument = remaining.popFirst() {
                guard argument == "--pid" || argument.hasPrefix("--pid=") else {
                    own.append(argument)
                    continue
                }
                let text = argument == "--pid" ? remaining.popFirst() : String(argument.dropFirst("--pid=".count))
                guard let text, let value = Int32(text), value > 0 else {
                    throw UsageError("--pid takes a process id, got '\(text ?? "")'")
                }
                pid = value
            }
            let server = ServerProcess(pid: pid)
            // Later flags win, so the healthcheck's own come after the server's.
            let merged = (server?.arguments ?? []) + own
            let options: CommandLineOptions
            switch try CommandLineOptions.parse(merged, environment: environment.merging(server?.environment ?? [:]) { $1 }) {
            case .help, .version: return nil
            case .run(let parsed): options = parsed
            }
            let configuration = options.configuration
            guard configuration.port != 0 else {
                throw UsageError("port 0 means any free port; give the server's real port with --port")
            }
            do {
                address = try SocketAddress(host: Self.probeHost(for: configuration.host), port: configuration.port)
            } catch {
                throw UsageError("cannot probe host '\(configuration.host)': \(error)")
            }
            // With `--tls-port`, plain HTTP stays on the main port; without it HTTPS takes the main port.
            secure = configuration.tls.map { $0.port == nil } ?? false
            self.server = server
        }

        /// A server bound to every interface answers on loopback; one bound to an address, only there.
        static func probeHost(for host: String) -> String {
            switch host {
            case "", "0.0.0.0": "127.0.0.1"
            case "::", "[::]": "::1"
            default: host
            }
        }
    }
}
