import ZISDomain
import ZISMockFixtures
import ZISMockRouting

/// The routing layer over a service, as the server assembles it, but answering in-process.
struct RoutingFixture {
    static let list = "/api/services/zis/integrations/acme/connections/all"

    let service: ZISService
    let control: MockControl
    let responder: ZISResponder

    init(connections: [Connection] = [], seed: Seed? = nil, settings: AdminSettings = AdminSettings(), cors: CORSPolicy? = nil) {
        let prepared = PreparedState(seed: seed ?? Fixture.seed(connections: connections))
        service = ZISService(prepared: prepared, clock: { 1_705_309_200 })
        control = MockControl(service: service, base: prepared, settings: settings)
        let router = Router.zisMock(service: service, control: control, adminEnabled: true)
        responder = ZISResponder(router: router, middleware: StandardMiddleware.list(control: control, cors: cors, accessLog: nil))
    }
}
