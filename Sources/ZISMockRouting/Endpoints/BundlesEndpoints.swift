import ZISDomain

/// The Registry's bundles and job specs (issue 22): admins only [doc: bundles "You can authorize
/// requests using basic authentication or an API token"; ours: job specs too, though Zendesk
/// also takes a ZIS OAuth token there], errors in the Registry envelope. Both answer 200 with
/// no body [doc: bundles "Example Response Status 200 OK"; ours: job specs alike].
package enum BundlesEndpoints {
    package static let bundles = "/api/services/zis/registry/{integration}/bundles"
    package static let jobSpecInstall = "/api/services/zis/registry/job_specs/install"

    package static let rows: [Endpoint] = [
        Endpoint(
            "POST", bundles, access: .admin, target: IntegrationTarget.init,
            input: .json { fields, _ in fields }, reply: .emptyOK, errors: .registry
        ) { (zis, path, fields) throws(ZISError) in
            _ = try zis.uploadBundle(fields, integration: path.integration)
        },
        Endpoint(
            "POST", jobSpecInstall, access: .admin, target: { _ in () }, input: .query(JobSpecName.parse), reply: .emptyOK,
            errors: .registry
        ) { (zis, _, name) throws(ZISError) in
            try zis.setJobSpec(name, installed: true)
        },
        Endpoint(
            "DELETE", jobSpecInstall, access: .admin, target: { _ in () }, input: .query(JobSpecName.parse), reply: .emptyOK,
            errors: .registry
        ) { (zis, _, name) throws(ZISError) in
            try zis.setJobSpec(name, installed: false)
        },
    ]
}
