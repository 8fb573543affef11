import ZISMockBasics
import ZISMockHTTP

/// A finished request and its answer, as the request journal and the access log see it.
package struct CompletedExchange: Sendable {
    package let request: HTTPRequest
    package let response: HTTPResponse
    /// The matched route's template; nil for 404 and 405.
    package let routeTemplate: String?
    package let parameters: PathParameters
    /// Wall-clock time the request was answered, seconds since the epoch.
    package let answeredAt: Double
    package let durationMicroseconds: Int
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
                request: request, response: response, routeTemplate: context.routeTemplate, parameters: context.parameters,
                answeredAt: Double(clock.wallMicroseconds()) / 1e6, durationMicroseconds: Int(clock.monotonicMicroseconds() - started)))
        return response
    }
}
