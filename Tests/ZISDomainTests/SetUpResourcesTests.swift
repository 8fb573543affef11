import Testing
@testable import ZISDomain

/// Issue 22 below the sockets: scope patterns, the merge of a partial update, and the seed
/// format of configs, bundles, installed job specs and inbound webhooks (read, refused, written back).
@Suite struct SetUpResourcesTests {
    @Test(arguments: [
        ("foo*", "foobar", true), ("foo*", "foo", true), ("foo*", "xfoo", false), ("*bar", "foobar", true),
        ("a*c*e", "abcde", true), ("a*c*e", "abde", false), ("exact", "exact", true), ("exact", "exactly", false),
        ("*", "", true), ("a**b", "ab", true), ("ab*ab", "ab", false),
    ])
    func scopePatterns(pattern: String, scope: String, matches: Bool) {
        #expect(IntegrationConfig.scope(scope, matches: pattern) == matches)
    }

    @Test func aPartialUpdateMergesObjectsAndReplacesEverythingElse() throws {
        let base = try JSONParser.parse(utf8(#"{"a":{"b":1,"c":[1]},"d":"x"}"#))
        let patch = try JSONParser.parse(utf8(#"{"a":{"c":[2],"e":null},"d":{"f":true}}"#))
        var writer = JSONWriter()
        writer.value(base.merging(patch))
        #expect(text(writer.bytes) == #"{"a":{"b":1,"c":[2],"e":null},"d":{"f":true}}"#)
        // Documents read from different places compare by content.
        #expect(try JSONParser.parse(utf8(#"  {"a" : 1}"#)).kept == JSONParser.parse(utf8(#"{"a":1}"#)).kept)
    }

    static let setUp = #"""
        {"integrations":[{"name":"acme",
          "configs":[{"id":7,"scope":"acme_settings","config":{"k":"v"},"created_at":"2024-01-02T03:04:05Z","updated_at":"2024-01-02T03:04:06Z"}],
          "bundles":[{"uuid":"u-1","bundle":{"zis_template_version":"2019-10-14","name":"b","resources":{
            "f":{"type":"ZIS::Flow","properties":{"name":"f","definition":{}}},
            "j":{"type":"ZIS::JobSpec","properties":{"name":"j","event_source":"support","event_type":"t","flow_name":"zis:acme:flow:f"}}}}}],
          "installed_job_specs":["j"],
          "inbound_webhooks":[{"id":"w-1","token":"tok","source_system":"crm","event_type":"deal.won","username":"user","password":"pass"}]}]}
        """#

    @Test func theSeedFormatReadsWritesAndMasksThem() throws {
        let seed = try SeedLoader.parse(utf8(Self.setUp), file: "s.json")
        let integration = try #require(seed.integrations.first)
        #expect(integration.configs.map(\.id) == [7] && integration.installedJobSpecs == ["j"])
        #expect(integration.bundles.first?.jobSpecNames == ["j"] && integration.inboundWebhooks.first?.password == "pass")

        // Through the service and its export, and back: nothing is lost, the next config id follows the seed's.
        let service = ZISService(seed: seed)
        let exported = service.exportSeed()
        #expect(exported.integrations.first == integration)
        let written = SeedWriter.json(exported, revealSecrets: true)
        #expect(try SeedLoader.parse(written, file: "export.json") == exported)
        let masked = text(SeedWriter.json(exported, revealSecrets: false))
        #expect(masked.contains(#""username":"user","password":"*****""#) && !masked.contains("pass\""))
        let next = try service.createConfig(ConfigDraft(fields: RequestFields(members: try Self.members(#"{"scope":"s2","config":{}}"#))), integration: "acme")
        #expect(next.id == 8)
    }

    @Test(arguments: [
        (#""installed_job_specs":["nope"]"#, #"integrations[0].installed_job_specs[0]: job spec "nope" is not defined by any of the integration's bundles"#),
        (#""configs":[{"id":0,"scope":"s","config":{}}]"#, "integrations[0].configs[0].id: id must be a positive integer"),
        (#""configs":[{"id":1,"scope":"s","config":[]}]"#, "integrations[0].configs[0].config: expected an object, found an array"),
        (#""configs":[{"id":1,"scope":"s","config":{}},{"id":2,"scope":"s","config":{}}]"#, #"integrations[0].configs[1].scope: scope "s" is listed twice"#),
        (#""bundles":[{"uuid":"u","bundle":{"name":"b","resources":{}}}]"#, "integrations[0].bundles[0].bundle: zis_template_version is required"),
        (#""inbound_webhooks":[{"id":"w","token":"t","source_system":"s","event_type":"e","username":"u"}]"#,
         #"integrations[0].inbound_webhooks[0].password: required field "password" is missing"#),
    ])
    func badSetUpPartsAreRefusedWithTheirPath(fields: String, message: String) {
        let document = #"{"integrations":[{"name":"acme","# + fields + "}]}"
        do {
            _ = try SeedLoader.parse(utf8(document), file: "s.json")
            Issue.record("loaded")
        } catch {
            #expect(error.description.hasSuffix(message), "\(error.description)")
        }
    }

    static func members(_ json: String) throws -> [JSONMember] {
        try JSONParser.parse(utf8(json)).members ?? []
    }
}
