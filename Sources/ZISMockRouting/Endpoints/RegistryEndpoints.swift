import ZISDomain

/// The ZIS Registry (issue 15): register an integration and list them. Admins only; errors in
/// the Registry's own envelope, not the Connections one.
package enum RegistryEndpoints {
    package static let integration = "/api/services/zis/registry/{integration}"
    package static let integrations = "/api/services/zis/registry/integrations"

    package static let rows: [Endpoint] = [
        Endpoint(
            "POST", integration, access: .admin, target: IntegrationTarget.init,
            input: RequestInput { (request, _) throws(ZISError) in
                (try RegistrationRequest(fields: try JSONRequestBody.fields(of: request)), try RequestOrigin.of(request))
            },
            reply: .json(RegistryResponses.registeredStatus, RegistryResponses.registration), errors: .registry
        ) { (zis, path, input) throws(ZISError) in
            try zis.registerIntegration(path.integration, description: input.0.description, accountURL: input.1)
        },
        Endpoint(
            "GET", integrations, access: .admin, target: { _ in () }, input: .none,
            reply: .json(200, RegistryResponses.integrations), errors: .registry
        ) { (zis, _, _) throws(ZISError) in
            zis.registeredIntegrations()
        },
    ]
}
