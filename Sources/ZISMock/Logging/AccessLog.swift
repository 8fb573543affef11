import Logging
import ZISMockRouting

/// One log line per request: time, method, path, status, bytes, duration in µs, integration and
/// remote address. Never headers, bodies or query values: those carry tokens and secrets.
struct AccessLog: ExchangeObserver {
    let logger: Logger

    func observe(_ exchange: CompletedExchange) {
        logger.info("request", metadata: [
            "method": .string(exchange.request.method),
            "path": .string(exchange.request.rawPath),
            "status": .stringConvertible(exchange.status),
            "bytes": .stringConvertible(exchange.responseBodyBytes),
            "duration_us": .stringConvertible(exchange.durationMicroseconds),
            "integration": .string(exchange.integration),
            "remote": .string(exchange.request.remoteAddress ?? ""),
        ])
    }
}
