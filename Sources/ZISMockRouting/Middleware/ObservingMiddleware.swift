import ZISMockBasics
import ZISMockHTTP

/// A finished request and its answer, as the request journal and the access log see it.
package struct CompletedExchange: Sendable {
    package let request: HTTPRequest
    /// The answer's status and body size: what the observers keep of it. The whole response
    /// would be copied into every exchange and released after, on every request.
    package let status: Int
    package let responseBodyBytes: Int
    /// What the observers keep of what routing found.
    let route: Router.Route?
    /// The route's `{integration}`, looked up once for every observer; empty when it has none.
    package let integration: String
    /// Wall-clock time the request was answered, seconds since the epoch.
    package let answeredAt: Double
    package let durationMicroseconds: Int

    /// The matched route's template; nil for 404 and 405.
    package var routeTemplate: String? { route?.pattern.description }
}

/// Sees every exchange after it is answered, on the event loop's thread: keep it quick.
package protocol ExchangeObserver: Sendable {
    func observe(_ exchange: CompletedExchange)
}

/// Times the answer and hands the finished exchange to an observer (the journal, the access log).
package struct ObservingMiddleware: Middleware {
    let observer: any ExchangeObserver
    /// The machine's time: a duration and a journal entry's time are what really happened.
    let clock: MockClock

    package init(_ observer: any ExchangeObserver, clock: MockClock = .system) {
        self.observer = observer
        self.clock = clock
    }

    package func handle(_ request: HTTPRequest, _ context: RouteContext, next: () -> HTTPResponse) -> HTTPResponse {
        let started = clock.monotonicMicroseconds()
        let response = next()
        observer.observe(
            CompletedExchange(
                request: request, status: response.status, responseBodyBytes: response.body.count,
                route: context.route, integration: context.parameters["integration"],
                answeredAt: Double(clock.wallMicroseconds()) / 1e6, durationMicroseconds: Int(clock.monotonicMicroseconds() - started)))
        return response
    }
}
