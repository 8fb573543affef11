import Foundation
import Testing

/// Issue 22's "done when": the README's set-up script (register, mint a token, create a connection,
/// upload a bundle, install its job spec, write a config, create an inbound webhook and post to
/// it) run by `scripts/setup-script`, unmodified but for the base URL, against a fresh `zis-mock`
/// executable.
@Suite("End to end: the README's set-up script")
struct SetUpScriptTests {
    /// Needs curl and jq, as the script does (CI installs both).
    @Test func theScriptRunsAsWritten() throws {
        let script = repositoryRoot.appendingPathComponent("scripts/setup-script").path
        let result = try ExternalTool.run(
            "ZIS_MOCK_BIN=\(try MockProcess.executable().path)", ["bash", script], timeout: 120)
        #expect(result.status == 0, "\(result.output)\n\(result.error)")
        #expect(result.output.contains(" passed, 0 failed"))
    }
}
