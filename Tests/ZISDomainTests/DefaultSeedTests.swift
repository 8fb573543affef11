import Foundation
import Testing
@testable import ZISDomain

@Suite struct DefaultSeedTests {
    /// The EmbedAsLiteral plugin's literal reads back as the file itself: no escape, no line ending changed.
    @Test func compiledInTextIsTheSeedFileByteForByte() throws {
        // Resolving symlinks maps a private build package that links Tests/ZISDomainTests back to the repository.
        let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let onDisk = try Data(contentsOf: repositoryRoot.appendingPathComponent("seed-data/default.json"))
        #expect(Array(onDisk) == Array(DefaultSeed.json.utf8))
    }

    @Test func defaultSeedLoadsWithThreePagesForTheLargeIntegration() throws {
        let seed = SeedLoader.defaultSeed
        #expect(seed.integrations.map(\.name) == ["acme_crm_sync", "helpdesk_slack_bridge", "inventory_webhooks"])
        let acme = seed.integrations[0]
        #expect(acme.connections.count > 200 && acme.connections.count <= 300)
        #expect(Set(acme.connections.map(\.type)) == Set(ConnectionType.allCases))
        #expect(acme.oauthClients.count == 1)

        let service = ZISService(seed: seed)
        var pages = 0
        var after: String?
        repeat {
            let page = try service.list(after.map { [("page[after]", $0)] } ?? [], token: "zis-mock-read-write-token", integration: "acme_crm_sync")
            pages += 1
            after = page.hasMore ? page.after : nil
        } while after != nil
        #expect(pages == 3)
        #expect(throws: ZISError.missingScope(.write)) {
            try service.list(token: "zis-mock-read-only-token", integration: "acme_crm_sync")
        }
        #expect(try service.list(token: "zis-mock-inventory-token", integration: "inventory_webhooks").names.isEmpty)
    }
}
