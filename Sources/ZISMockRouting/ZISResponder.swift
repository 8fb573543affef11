import Glibc
import ZISDomain
import ZISMockHTTP

/// Turns HTTP requests into ZIS answers: routing first (404/405 come before authentication, spec §2),
/// then the matched handler; observers (journal, access log) see each exchange afterwards.
public struct ZISResponder: HTTPResponder {
    public let router: Router
    private let observers: [any ExchangeObserver]
    /// Runs around every handler (also 404/405): admin auth, faults, rate limits (`MockControl`).
    private let middleware: (any ExchangeMiddleware)?

    public init(router: Router, observers: [any ExchangeObserver] = [], middleware: (any ExchangeMiddleware)? = nil) {
        self.router = router
        self.observers = observers
        self.middleware = middleware
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        // No observers, no clock reads: the hot path stays as short as it can.
        guard !observers.isEmpty else { return route(request).response }
        let started = Self.monotonicMicroseconds()
        let (response, route, parameters) = route(request)
        let exchange = CompletedExchange(
            request: request, response: response, routeTemplate: route?.pattern.description, parameters: parameters,
            answeredAt: Self.wallClockSeconds(), durationMicroseconds: Self.monotonicMicroseconds() - started)
        for observer in observers { observer.observe(exchange) }
        return response
    }

    private func route(_ request: HTTPRequest) -> (response: HTTPResponse, route: Router.Route?, parameters: PathParameters) {
        guard let middleware else { return routeToHandler(request) }
        var routed: (route: Router.Route?, parameters: PathParameters) = (nil, PathParameters())
        let resolution = router.resolve(method: request.method, path: request.pathSegments)
        if case .matched(let route, let parameters) = resolution { routed = (route, parameters) }
        let response = middleware.handle(request, routeTemplate: routed.route?.pattern.description, parameters: routed.parameters) {
            answer(request, resolution)
        }
        return (response, routed.route, routed.parameters)
    }

    private func routeToHandler(_ request: HTTPRequest) -> (response: HTTPResponse, route: Router.Route?, parameters: PathParameters) {
        let resolution = router.resolve(method: request.method, path: request.pathSegments)
        if case .matched(let route, let parameters) = resolution { return (answer(request, resolution), route, parameters) }
        return (answer(request, resolution), nil, PathParameters())
    }

    private func answer(_ request: HTTPRequest, _ resolution: Router.Resolution) -> HTTPResponse {
        switch resolution {
        case .matched(let route, let parameters): route.handler(request, parameters)
        case .notFound: HTTPResponse(.notFound(detail: "No route for \(request.method) \(request.rawPath)"))
        case .methodNotAllowed(let allow): HTTPResponse(.methodNotAllowed(allow: allow))
        }
    }

    public func respond(to failure: HTTPRequestFailure) -> HTTPResponse {
        var response = HTTPResponse(ZISError(failure))
        response.closesConnection = true
        return response
    }

    private static func monotonicMicroseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1_000_000 + now.tv_nsec / 1000
    }

    private static func wallClockSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
