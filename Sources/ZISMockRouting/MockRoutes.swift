import ZISDomain

extension Router {
    /// Every URL zis-mock serves: Zendesk's surface as endpoint rows (`ConnectionsEndpoints`,
    /// `OAuthEndpoints`), and the control plane and its dashboard in the admin group. With `adminEnabled` false
    /// (`--no-admin`) only the probes `health` and `ready` remain of it.
    package static func zisMock(service: ZISService, control: MockControl, adminEnabled: Bool) -> Router {
        var router = Router()
        AdminRoutes.register(on: &router)
        if adminEnabled {
            AdminControlRoutes.register(on: &router, control: control)
            DashboardRoute.register(on: &router)
        } else {
            AdminControlRoutes.registerReadiness(on: &router)
        }
        OpenAPIRoute.register(on: &router)
        // The simulated provider's page stays with --no-admin: flows need it, and it controls nothing.
        router.add(OAuthProviderEndpoints.rows, service: service, in: .admin, isOpen: true)
        router.add(
            ConnectionsEndpoints.rows + OAuthEndpoints.rows + RegistryEndpoints.rows + ZendeskOAuthEndpoints.rows
                + ConfigsEndpoints.rows + BundlesEndpoints.rows + InboundWebhooksEndpoints.rows, service: service)
        return router
    }
}
