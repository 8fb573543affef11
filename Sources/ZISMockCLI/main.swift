import Glibc
import Logging
import ZISDomain
import ZISMock

/// Exit codes: 0 after a clean stop, 64 for bad usage, 66 for an unusable seed or state file, 69 when the port cannot be bound.
/// `zis-mock healthcheck` exits 0 when the server on the configured port answers its health check, 1 otherwise.
StopSignals.block()
let (environment, unknownVariables) = EnvironmentTwins.read()
for name in unknownVariables { StandardStreams.error(EnvironmentTwins.warning(about: name)) }

// `zis-mock healthcheck`: the container's HEALTHCHECK probe (HealthcheckCommand.swift).
if CommandLine.arguments.dropFirst().first == "healthcheck" {
    exit(HealthcheckCommand.run(Array(CommandLine.arguments.dropFirst(2)), environment: environment))
}

let options: CommandLineOptions
do {
    switch try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()), environment: environment) {
    case .help:
        StandardStreams.out(HelpText.usage)
        exit(0)
    case .version:
        StandardStreams.out("zis-mock \(Version.current)")
        exit(0)
    case .run(let parsed):
        options = parsed
    }
} catch {
    StandardStreams.error("zis-mock: \(error)\nRun 'zis-mock --help' for the options.")
    exit(64)
}

var configuration = options.configuration
// Taken before the seed is read, so --watch also sees a change made while the server starts.
let seedSignature = options.seedPath.map(SeedFileWatcher.signature(of:))
if let path = options.seedPath {
    do {
        configuration.seed = try SeedLoader.load(path: path)
    } catch {
        // The seed is checked before the port opens, so a harness never sees a half-started server.
        StandardStreams.error("zis-mock: cannot load seed: \(error)")
        exit(66)
    }
}

let server: ZISMockServer
do {
    server = try ZISMockServer.start(configuration)
} catch let error as SeedError {
    // A state file that does not load stops the start like a bad seed: never a silent empty state.
    StandardStreams.error("zis-mock: cannot load state file: \(error)")
    exit(66)
} catch {
    StandardStreams.error("zis-mock: cannot serve on \(configuration.host):\(configuration.port): \(error)")
    exit(69)
}
// The server holds the state built from the seed; this global copy of the seed's models would
// otherwise stay resident for the life of the process (hundreds of MB for a million connections).
configuration.seed = Seed()
SeedLoader.returnFreedMemory()
let httpsField = server.tlsBaseURL.map { #","https_url":"\#($0)""# } ?? ""
StandardStreams.out(#"{"event":"listening","url":"\#(server.baseURL)"\#(httpsField),"version":"\#(Version.current)"}"#)
let logger = configuration.log?.logger()
var listening: Logger.Metadata = ["url": .string(server.baseURL), "version": .string(Version.current)]
if let https = server.tlsBaseURL { listening["https_url"] = .string(https) }
logger?.notice("listening", metadata: listening)

// --watch and SIGHUP reload the --seed files; a broken file keeps the old state (SeedReload.swift).
let seedReload = SeedReload(server: server, path: options.seedPath)
let watcher = options.watchSeed ? seedReload.watch(since: seedSignature) : nil

// SIGTERM and SIGINT: stop accepting, finish in-flight responses, exit 0.
var received = StopSignals.wait()
while received == SIGHUP {
    seedReload.reload(reason: "SIGHUP")
    received = StopSignals.wait()
}
watcher?.stop()
logger?.notice("stopping", metadata: ["signal": .stringConvertible(Int(received))])
server.stop()
logger?.notice("stopped")
configuration.log?.flush()
StandardStreams.out(#"{"event":"stopped"}"#)
exit(0)
