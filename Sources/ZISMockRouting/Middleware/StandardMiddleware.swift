/// The one ordered list of what runs around every request, outermost first.
///
/// - The access log and the journal come first, so they record exactly what went on the wire:
///   CORS preflights, 429s and injected faults included. The journal keeps Zendesk's surface
///   only: a test's own control calls are not what it asks the journal about.
/// - CORS comes next, before the limiter and the faults: a preflight is never limited or
///   faulted (the browser would then refuse the real request for a reason the test never asked
///   for), and every later answer, 429s and faults included, still carries the headers a
///   browser script needs to read it.
/// - The admin token guards the control plane; the rate limit and the faults apply to Zendesk's
///   surface only, since the control plane is how a test turns them off again.
package enum StandardMiddleware {
    package static func list(control: MockControl, cors: CORSPolicy?, accessLog: (any ExchangeObserver)?) -> [MiddlewareEntry] {
        var list: [MiddlewareEntry] = []
        if let accessLog { list.append(MiddlewareEntry(ObservingMiddleware(accessLog))) }
        if control.journal.capacity > 0 { list.append(MiddlewareEntry(ObservingMiddleware(control.journal), in: [.zendesk])) }
        if let cors { list.append(MiddlewareEntry(CORSMiddleware(cors))) }
        if let token = control.settings.token { list.append(MiddlewareEntry(AdminTokenMiddleware(token: token), in: [.admin])) }
        list.append(MiddlewareEntry(RateLimitMiddleware(control.rateLimiter), in: [.zendesk]))
        list.append(MiddlewareEntry(FaultMiddleware(control.faults, honoursHeader: control.settings.headerFaults), in: [.zendesk]))
        return list
    }
}
