import ZISDomain

/// The Registry's bundles and job specs (issue 22), errors in the Registry envelope. Bundles take
/// admins only [doc: "You can authorize requests using basic authentication or an API token"];
/// job specs an admin or the job spec's integration's ZIS token with scope `write` [doc: "basic
/// authentication, an API token, or a ZIS OAuth access token"], so their rows read the
/// credentials with the query, whose job spec name says which integration. Both answer 200 with
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
        jobSpecRow("POST", installed: true),
        jobSpecRow("DELETE", installed: false),
    ]

    private static func jobSpecRow(_ method: String, installed: Bool) -> Endpoint {
        Endpoint(
            method, jobSpecInstall, access: .open, target: { _ in () },
            input: RequestInput { request, _ throws(ZISError) in (try JobSpecName.parse(query: request.query), Credentials(of: request)) },
            reply: .emptyOK, errors: .registry
        ) { (zis, _, input) throws(ZISError) in
            let (name, credentials) = input
            try zis.authorizeAdminOrIntegration(credentials, integration: name.integration)
            try zis.setJobSpec(name, installed: installed)
        }
    }
}
