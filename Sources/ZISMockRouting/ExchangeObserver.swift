import ZISMockHTTP

/// A finished request and its answer, as the request journal and the access log see it.
public struct CompletedExchange: Sendable {
    public let request: HTTPRequest
    public let response: HTTPResponse
    /// The matched route's template, e.g. `/api/services/zis/integrations/{integration}/connections/all`;
    /// nil for 404 and 405.
    public let routeTemplate: String?
    public let parameters: PathParameters
    /// Wall-clock time the request was answered, seconds since the epoch.
    public let answeredAt: Double
    public let durationMicroseconds: Int
}

/// Sees every exchange after it is answered, on the event loop's thread: keep it quick.
public protocol ExchangeObserver: Sendable {
    func observe(_ exchange: CompletedExchange)
}

/// Wraps the answer to every request: it may answer instead (`next` not called), or change the
/// answer `next` produced. Called on the event loop's thread, like the handler it wraps.
/// `routeTemplate` is nil for 404 and 405.
public protocol ExchangeMiddleware: Sendable {
    func handle(
        _ request: HTTPRequest, routeTemplate: String?, parameters: PathParameters, next: () -> HTTPResponse
    ) -> HTTPResponse
}
