import Foundation
import Testing
import ZISMock

/// Issue 22: bundles and job specs over real sockets. Every documented validation of an uploaded
/// bundle is refused in the Registry's envelope with a `detail` naming the resource and field;
/// job specs install only when an uploaded bundle defines them, and the export shows what is installed.
@Suite("End to end: bundles and job specs")
struct BundleValidationTests {
    static let admin = SetUpJourneyTests.apiTokenAuth
    static let path = "/api/services/zis/registry/\(Seeded.integration)/bundles"

    /// A valid bundle of the seeded integration: an action, a flow calling it, a job spec starting the flow.
    static func bundle(
        version: String? = #""zis_template_version":"2019-10-14","#, name: String? = #""name":"crm bundle","#,
        resources: String? = nil
    ) -> String {
        let standard = #"""
            "resources":{"post":{"type":"ZIS::Action::Http","properties":{"name":"post_it","definition":{"method":"POST","url":"https://crm.example.com"}}},\#
            "flow":{"type":"ZIS::Flow","properties":{"name":"my_flow","definition":{"StartAt":"A","States":{"A":{"Type":"Action","ActionName":"zis:acme_crm_sync:action:post_it","End":true}}}}},\#
            "js":{"type":"ZIS::JobSpec","properties":{"name":"my_job_spec","event_source":"support","event_type":"ticket.TicketCreated","flow_name":"zis:acme_crm_sync:flow:my_flow"}}}
            """#
        return "{" + (version ?? "") + (name ?? "") + #""description":"d","# + (resources ?? standard) + "}"
    }

    static func refusal(_ response: HTTPTestResponse) throws -> String? {
        let body = try response.json()
        #expect(body["message"] as? String == "Bad Request")
        let errors = try #require(body["errors"] as? [[String: Any]])
        #expect(errors.first?["code"] as? String == "1010")
        #expect(errors.first?["status"] as? String == "400")
        return errors.first?["detail"] as? String
    }

    static let refusals: [(body: String, detail: String)] = [
        (bundle(version: nil), "zis_template_version is required"),
        (bundle(version: #""zis_template_version":"2020-01-01","#), #"zis_template_version must be "2019-10-14""#),
        (bundle(name: nil), "name is required"),
        (bundle(resources: #""resources":[]"#), "resources must be an object, found an array"),
        (#"{"zis_template_version":"2019-10-14","name":"n"}"#, "resources is required"),
        (#"{"zis_template_version":"2019-10-14","name":"n","resources":{},"extra":1}"#,
         "unknown field extra (expected one of: zis_template_version, name, description, resources)"),
        (bundle(resources: #""resources":{"x":{"type":"ZIS::Nope","properties":{"name":"x"}}}"#),
         "resources.x.type ZIS::Nope is not one of: ZIS::Flow, ZIS::Action::Http, ZIS::JobSpec"),
        (bundle(resources: #""resources":{"x":{"properties":{"name":"x"}}}"#), "resources.x.type is required"),
        (bundle(resources: #""resources":{"x":{"type":"ZIS::Flow"}}"#), "resources.x.properties is required"),
        (bundle(resources: #""resources":{"x":{"type":"ZIS::Flow","properties":{"definition":{}}}}"#), "resources.x.properties.name is required"),
        (bundle(resources: #""resources":{"x":{"type":"ZIS::Flow","properties":{"name":"f"}}}"#), "resources.x.properties.definition is required"),
        (bundle(resources: #""resources":{"x":{"type":"ZIS::JobSpec","properties":{"name":"j","event_source":"support","event_type":"t"}}}"#),
         "resources.x.properties.flow_name is required"),
        (bundle(resources: #""resources":{"x":{"type":"ZIS::JobSpec","properties":{"name":"j","event_source":"support","event_type":"t","flow_name":"my_flow"}}}"#),
         "resources.x.properties.flow_name must be zis:acme_crm_sync:flow:<flow name>, found my_flow"),
        (bundle(resources: #""resources":{"x":{"type":"ZIS::JobSpec","properties":{"name":"j","event_source":"support","event_type":"t","flow_name":"zis:acme_crm_sync:flow:gone"}}}"#),
         "resources.x.properties.flow_name names zis:acme_crm_sync:flow:gone, a ZIS::Flow this bundle does not define"),
        (bundle(resources: #""resources":{"f":{"type":"ZIS::Flow","properties":{"name":"f","definition":{"States":{"S":{"Type":"Action","ActionName":"zis:acme_crm_sync:action:gone"}}}}}}"#),
         "resources.f.properties.definition.States.S.ActionName names zis:acme_crm_sync:action:gone, a ZIS::Action::Http this bundle does not define"),
    ]

    @Test func everyDocumentedValidationIsRefusedWithTheResourceAndField() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            for (body, detail) in Self.refusals {
                let response = try client.send("POST", Self.path, json: body, authorization: Self.admin)
                #expect(response.status == 400, "\(detail)")
                #expect(try Self.refusal(response) == detail)
            }
            // Nothing refused was stored.
            #expect(!(try client.send("GET", "/__admin/state", authorization: nil).text.contains("\"bundles\"")))
        }
    }

    /// Job specs take "basic authentication, an API token, or a ZIS OAuth access token" [doc]:
    /// the job spec's own integration's token with scope write, no other.
    @Test func aJobSpecTakesItsIntegrationsZISToken() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            #expect(try client.send("POST", Self.path, json: Self.bundle(), authorization: Self.admin).status == 200)
            let install = "/api/services/zis/registry/job_specs/install?job_spec_name=zis:acme_crm_sync:job_spec:my_job_spec"
            #expect(try client.send("POST", install).status == 200)
            #expect(try client.send("GET", "/__admin/state", authorization: nil).text.contains(#""installed_job_specs":["my_job_spec"]"#))
            #expect(try client.send("DELETE", install).status == 200)
            #expect(try client.send("POST", install, authorization: "Bearer \(Seeded.readOnlyToken)").status == 403)
            #expect(try client.send("POST", install, authorization: "Bearer \(Seeded.slackToken)").status == 401)
            #expect(try client.send("POST", install, authorization: nil).status == 401)
            #expect(try client.send("GET", "/__admin/state", authorization: nil).text.contains(#""installed_job_specs""#) == false)
        }
    }

    @Test func uploadAndReuploadThenInstallAndUninstallItsJobSpec() throws {
        try withServer { server in
            let client = try CRUDClient(server)
            let upload = try client.send("POST", Self.path, json: Self.bundle(), authorization: Self.admin)
            #expect(upload.status == 200 && upload.body.isEmpty)
            // A ZIS token is not an admin's: the Registry refuses it in its own envelope.
            #expect(try client.send("POST", Self.path, json: Self.bundle()).status == 401)
            // An integration that does not exist.
            let unknown = try client.send("POST", "/api/services/zis/registry/nobody/bundles", json: Self.bundle(), authorization: Self.admin)
            #expect(unknown.status == 404 && unknown.text.contains(#""code":"1010""#))

            let install = "/api/services/zis/registry/job_specs/install?job_spec_name=zis:acme_crm_sync:job_spec:"
            #expect(try client.send("POST", install + "other", authorization: Self.admin).status == 404)
            #expect(try client.send("POST", "/api/services/zis/registry/job_specs/install?job_spec_name=my_job_spec", authorization: Self.admin).status == 400)
            #expect(try client.send("POST", "/api/services/zis/registry/job_specs/install", authorization: Self.admin).status == 400)
            #expect(try client.send("POST", install + "my_job_spec", authorization: Self.admin).status == 200)
            #expect(try client.send("POST", install + "my_job_spec", authorization: Self.admin).status == 200)
            let state = try client.send("GET", "/__admin/state", authorization: nil).text
            #expect(state.contains(#""installed_job_specs":["my_job_spec"]"#))
            #expect(state.contains(#""bundle":{"zis_template_version":"2019-10-14","name":"crm bundle""#))

            // Re-uploading the same name replaces the bundle; its job spec stays installed.
            let renamed = Self.bundle().replacingOccurrences(of: #""description":"d""#, with: #""description":"second""#)
            #expect(try client.send("POST", Self.path, json: renamed, authorization: Self.admin).status == 200)
            let after = try client.send("GET", "/__admin/state", authorization: nil).text
            #expect(after.components(separatedBy: #""uuid":"#).count == state.components(separatedBy: #""uuid":"#).count)
            #expect(after.contains(#""description":"second""#))

            #expect(try client.send("DELETE", install + "my_job_spec", authorization: Self.admin).status == 200)
            #expect(!(try client.send("GET", "/__admin/state", authorization: nil).text.contains("installed_job_specs")))

            // A reset forgets bundles and installations.
            #expect(try client.send("POST", install + "my_job_spec", authorization: Self.admin).status == 200)
            _ = try client.send("POST", "/__admin/reset", authorization: nil)
            #expect(!(try client.send("GET", "/__admin/state", authorization: nil).text.contains("\"bundles\"")))
        }
    }

    /// `--bundle-resource-type` (the configuration's `extraBundleResourceTypes`): a type the mock
    /// does not know uploads once named, checked only for its name.
    @Test func anExtraResourceTypeIsTakenOnlyWhenConfigured() throws {
        let extra = Self.bundle(resources: #""resources":{"c":{"type":"ZIS::Config","properties":{"name":"settings"}}}"#)
        try withServer { server in
            let response = try CRUDClient(server).send("POST", Self.path, json: extra, authorization: Self.admin)
            #expect(response.status == 400)
            let detail = try Self.refusal(response)
            #expect(detail?.hasPrefix("resources.c.type ZIS::Config is not one of") == true)
        }
        try withServer(configure: { $0.extraBundleResourceTypes = ["ZIS::Config"] }) { server in
            let client = try CRUDClient(server)
            #expect(try client.send("POST", Self.path, json: extra, authorization: Self.admin).status == 200)
            let unnamed = extra.replacingOccurrences(of: #""name":"settings""#, with: #""label":"settings""#)
            let refused = try client.send("POST", Self.path, json: unnamed, authorization: Self.admin)
            let detail = try Self.refusal(refused)
            #expect(detail == "resources.c.properties.name is required")
        }
    }
}
