import Foundation
import Glibc
import Testing
import ZISMock

/// `--state-file` (issue 17), against the executable: what a user saw before a `kill -9` is what
/// they see after the restart, for the API's writes and the control plane's alike; a torn log
/// tail is cut with a notice; a broken snapshot stops the start with exit 66.
@Suite("State file: --state-file across restarts")
struct StateFileTests {
    /// A folder with `seed.json` (the small seed, whose secrets an export may show) and room for
    /// `state.json` and its log.
    struct Files {
        let folder: URL
        var seed: String { folder.appendingPathComponent("seed.json").path }
        var state: String { folder.appendingPathComponent("state.json").path }
        var log: String { state + ".log" }

        init() throws {
            folder = try temporaryFolder()
            try smallSeedJSON.write(toFile: seed, atomically: true, encoding: .utf8)
        }

        func start(_ extra: [String] = []) throws -> (MockProcess, UInt16) {
            let process = try MockProcess(arguments: ["--port", "0", "--seed", seed, "--state-file", state] + extra)
            return (process, try process.waitForListening())
        }
    }

    static let token = "Bearer small-app-token-1"
    static let connections = "/api/services/zis/integrations/small_app/connections"

    static func send(_ port: UInt16, _ method: String, _ target: String, _ body: String? = nil) throws -> HTTPTestResponse {
        let client = try RawHTTPClient(port: port)
        defer { client.close() }
        return try client.exchange(bodyRequest(method, target, body: body, authorization: token))
    }

    static func export(_ port: UInt16) throws -> String {
        try send(port, "GET", "/__admin/state?secrets=true").text
    }

    /// An export with every `created_at` and `updated_at` value blanked, for states that differ
    /// only in when their untimestamped seed parts were stamped.
    static func withoutTimestamps(_ export: String) -> String {
        export.replacing(/"(created_at|updated_at)":"[^"]*"/) { "\"\($0.output.1)\":\"\"" }
    }

    static func apiKey(_ name: String, secret: String = "clear-secret") -> String {
        #"{"name":"\#(name)","allowed_domain":"api.example.com","header_name":"X-Key","api_key":"\#(secret)"}"#
    }

    /// No clean shutdown: the process is gone at once, as on a crash.
    static func crash(_ process: MockProcess) {
        kill(process.process.processIdentifier, SIGKILL)
        process.process.waitUntilExit()
    }

    @Test func everyAcknowledgedWriteSurvivesAKill() throws {
        let files = try Files()
        let (first, port) = try files.start()
        #expect(try Self.send(port, "POST", "\(Self.connections)/api_key", Self.apiKey("kept_key")).status == 201)
        #expect(try Self.send(port, "PATCH", "\(Self.connections)/basic_auth/erp_basic", #"{"password":"changed-password"}"#).status == 200)
        #expect(try Self.send(port, "DELETE", "\(Self.connections)/bearer_token/billing_bearer").status == 204)
        let client = #"{"name":"gh_client","client_id":"gh-id","client_secret":"gh-secret","token_url":"https://github.example/token"}"#
        #expect(try Self.send(port, "POST", "/api/services/zis/connections/oauth/clients/small_app", client).status == 201)
        let before = try Self.export(port)
        #expect(before.contains("kept_key") && before.contains("changed-password") && !before.contains("billing_bearer"))
        Self.crash(first)

        let (second, restartedPort) = try files.start()
        defer { second.terminate() }
        #expect(try Self.export(restartedPort) == before)
        #expect(!second.remainingStandardError().contains("torn"))
    }

    /// Issue 22's state joins the log as one record per change: configs and inbound webhooks
    /// made, changed and deleted before the kill are there after it, exactly.
    @Test func configsAndInboundWebhooksSurviveAKill() throws {
        let files = try Files()
        let (first, port) = try files.start()
        let configs = "/api/services/zis/integrations/small_app/configs"
        #expect(try Self.send(port, "POST", configs, #"{"scope":"kept","config":{"region":"eu"}}"#).status == 201)
        #expect(try Self.send(port, "POST", configs, #"{"scope":"gone","config":{}}"#).status == 201)
        #expect(try Self.send(port, "PATCH", "\(configs)/kept", #"{"config":{"team":"support"}}"#).status == 200)
        #expect(try Self.send(port, "DELETE", "\(configs)/gone").status == 204)
        let webhooks = "/api/services/zis/inbound_webhooks/generic/small_app"
        #expect(try Self.send(port, "POST", webhooks, #"{"source_system":"crm","event_type":"deal.won"}"#).status == 201)
        let before = try Self.export(port)
        #expect(before.contains(#""team":"support""#) && !before.contains(#""gone""#) && before.contains("deal.won"))
        Self.crash(first)

        let (second, restartedPort) = try files.start()
        defer { second.terminate() }
        #expect(try Self.export(restartedPort) == before)
    }

    @Test func putStateResetAndReloadSurviveAKill() throws {
        let files = try Files()
        let (first, port) = try files.start()
        let original = try Self.export(port)
        let replacement = smallSeedJSON.replacingOccurrences(of: "crm_key", with: "put_key")
        #expect(try Self.send(port, "PUT", "/__admin/state", replacement).status == 200)
        let put = try Self.export(port)
        #expect(put.contains("put_key"))
        Self.crash(first)

        let (second, secondPort) = try files.start()
        #expect(try Self.export(secondPort) == put)
        #expect(try Self.send(secondPort, "POST", "/__admin/reset").status == 200)
        // The seed's OAuth parts carry no timestamps, so each start stamps them with its own
        // time: the reset state is the original up to those stamps, and the restart keeps it exactly.
        let reset = try Self.export(secondPort)
        #expect(try Self.withoutTimestamps(reset) == Self.withoutTimestamps(original))
        Self.crash(second)

        let (third, thirdPort) = try files.start()
        #expect(try Self.export(thirdPort) == reset)
        try smallSeedJSON.replacingOccurrences(of: "crm_key", with: "reloaded_key").write(toFile: files.seed, atomically: true, encoding: .utf8)
        kill(third.process.processIdentifier, SIGHUP)
        #expect(try AdminCLITests.eventually { try Self.export(thirdPort).contains("reloaded_key") })
        // A write after the reload: replayed over the reloaded state, not over the one before it.
        #expect(try Self.send(thirdPort, "POST", "\(Self.connections)/api_key", Self.apiKey("after_reload")).status == 201)
        let reloaded = try Self.export(thirdPort)
        Self.crash(third)

        let (fourth, fourthPort) = try files.start()
        defer { fourth.terminate() }
        #expect(try Self.export(fourthPort) == reloaded)
    }

    @Test func aTornTailIsCutAtTheLastWholeRecordWithANotice() throws {
        let files = try Files()
        let (first, port) = try files.start()
        for name in ["torn_one", "torn_two", "torn_three"] {
            #expect(try Self.send(port, "POST", "\(Self.connections)/api_key", Self.apiKey(name)).status == 201)
        }
        Self.crash(first)
        // Power lost in the middle of the last record.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: files.log)[.size] as? Int)
        #expect(truncate(files.log, off_t(size - 7)) == 0)

        let (second, secondPort) = try files.start()
        let notice = second.remainingStandardError()
        #expect(notice.contains("\(files.log): record 3 at byte "), "\(notice)")
        #expect(notice.contains("is torn (it is cut off after") && notice.contains("kept the 2 whole records"), "\(notice)")
        #expect(try Self.send(secondPort, "GET", "\(Self.connections)/api_key/torn_two").status == 200)
        #expect(try Self.send(secondPort, "GET", "\(Self.connections)/api_key/torn_three").status == 404)
        #expect(try Self.send(secondPort, "POST", "\(Self.connections)/api_key", Self.apiKey("flipped_one")).status == 201)
        Self.crash(second)
        // A byte flipped in the last record.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: files.log)))
        bytes[bytes.count - 3] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: files.log))

        let (third, thirdPort) = try files.start()
        defer { third.terminate() }
        let flipped = third.remainingStandardError()
        #expect(flipped.contains("record 1 at byte 24 is torn (its checksum does not match)"), "\(flipped)")
        #expect(try Self.send(thirdPort, "GET", "\(Self.connections)/api_key/torn_two").status == 200)
        #expect(try Self.send(thirdPort, "GET", "\(Self.connections)/api_key/flipped_one").status == 404)
    }

    @Test func aBrokenSnapshotStopsTheStartWithExit66AndTheLoadersMessage() throws {
        let files = try Files()
        let (first, _) = try files.start()
        first.terminate()
        #expect(try first.waitForExit(timeout: 5) == 0)
        let snapshot = try String(contentsOfFile: files.state, encoding: .utf8)
        let broken = snapshot.replacingOccurrences(of: #""name":"crm_key""#, with: #""name":"x""#)
        #expect(broken != snapshot)
        try broken.write(toFile: files.state, atomically: true, encoding: .utf8)

        let process = try MockProcess(arguments: ["--port", "0", "--seed", files.seed, "--state-file", files.state])
        #expect(try process.waitForExit(timeout: 5) == 66)
        let stderr = process.remainingStandardError()
        #expect(stderr.contains("zis-mock: cannot load state file: \(files.state):"), "\(stderr)")
        #expect(stderr.contains("integrations[0].connections.api_key[0].name"), "names the JSON path: \(stderr)")
        #expect(!process.remainingStandardOutput().contains("listening"))
        #expect(try String(contentsOfFile: files.state, encoding: .utf8) == broken, "the file is left as it was, for the user to mend")
    }

    @Test func aCleanStopFoldsTheLogIntoASnapshotThatLoadsAsASeed() throws {
        let files = try Files()
        let process = try MockProcess(
            arguments: ["--port", "0", "--seed", files.seed], environment: ["ZIS_MOCK_STATE_FILE": files.state])
        let port = try process.waitForListening()
        #expect(try Self.send(port, "POST", "\(Self.connections)/api_key", Self.apiKey("snapshotted")).status == 201)
        let before = try Self.export(port)
        process.terminate()
        #expect(try process.waitForExit(timeout: 5) == 0)
        let logSize = try FileManager.default.attributesOfItem(atPath: files.log)[.size] as? Int
        #expect(logSize == 24, "only the log's header is left")
        let permissions = try FileManager.default.attributesOfItem(atPath: files.state)[.posixPermissions] as? Int
        #expect(permissions == 0o600, "the snapshot holds secrets in clear")

        let fromSnapshot = try MockProcess(arguments: ["--port", "0", "--seed", files.state])
        defer { fromSnapshot.terminate() }
        #expect(try Self.export(try fromSnapshot.waitForListening()) == before)
    }

    @Test func aSecondServerOnTheSameStateFileIsRefused() throws {
        let files = try Files()
        let (first, _) = try files.start()
        defer { first.terminate() }
        let second = try MockProcess(arguments: ["--port", "0", "--state-file", files.state])
        #expect(try second.waitForExit(timeout: 5) == 66)
        let stderr = second.remainingStandardError()
        #expect(stderr.contains("\(files.state): is in use by another zis-mock"), "\(stderr)")
    }

    /// In-process: `stop()` lets the file go, so a test may start again on it at once.
    @Test func anEmbeddedServerStartsAgainOnTheFileItStopped() async throws {
        let files = try Files()
        var configuration = ZISMockConfiguration()
        configuration.stateFile = files.state
        let first = try await ZISMockServer.start(configuration)
        try await first.addConnection(.bearerToken(name: "embedded_kept", allowedDomain: "api.example.com", token: "s3cret"), to: Seeded.integration)
        await first.stop()
        let second = try await ZISMockServer.start(configuration)
        #expect(String(decoding: await second.exportState(), as: UTF8.self).contains("embedded_kept"))
        await second.stop()
    }
}
