import ZISDomain
import ZISMockHTTP

/// The per-token budget of spec §6: 429 with `Retry-After` once it is spent, and the
/// `X-Rate-Limit` headers on every answer while limiting is on. Keyed by the `Authorization`
/// value, so each token (and "no token") has its own window.
package struct RateLimitMiddleware: Middleware {
    let limiter: RateLimiter

    package init(_ limiter: RateLimiter) {
        self.limiter = limiter
    }

    package func handle(_ request: HTTPRequest, _ context: RouteContext, next: () -> HTTPResponse) -> HTTPResponse {
        // Off (the usual case): one atomic read, no lock.
        guard limiter.isLimiting, let decision = limiter.admit(key: request.headers["Authorization"] ?? "") else { return next() }
        var response = decision.retryAfterSeconds.map { HTTPResponse(.tooManyRequests(retryAfterSeconds: $0)) } ?? next()
        response.headers.append(("X-Rate-Limit", String(decision.limit)))
        response.headers.append(("X-Rate-Limit-Remaining", String(decision.remaining)))
        return response
    }
}
