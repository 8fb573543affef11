import Benchmark
@_spi(Benchmarks) import ZISDomain
@_spi(Benchmarks) import ZISMockHTTP
import ZISMockRouting

/// Request parser, page renderer, store and one whole request, each counted in time and in
/// mallocs per operation. Fixtures are built before `startMeasurement()`, so only the
/// operation is measured.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .instructions],
        warmupIterations: 10,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )

    Benchmark("HTTP head parse (list request, 5 fields)") { benchmark in
        let request = Array(Fixtures.listRequest(cursor: nil).utf8)
        let limits = HTTPLimits()
        benchmark.startMeasurement()
        request.withUnsafeBytes { bytes in
            for _ in benchmark.scaledIterations {
                blackHole(HTTPHeadParser.parse(bytes, limits: limits))
            }
        }
    }

    for count in [10_000, 1_000_000] {
        Benchmark("Page render, 100 items, uncached (store of \(count))") { benchmark in
            let store = Fixtures.store(count)
            let cursor = Fixtures.name(count / 2)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(store.renderPage(after: cursor))
            }
        }
    }

    for count in [10_000, 1_000_000] {
        Benchmark("Store page window, 100 items (store of \(count))") { benchmark in
            let store = Fixtures.store(count)
            let cursor = Fixtures.name(count / 2)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(store.pageCount(after: cursor))
            }
        }

        Benchmark("Store insert + remove, middle (store of \(count))") { benchmark in
            var store = Fixtures.store(count)
            let connection = Fixtures.connection(count / 2, suffix: "-new")
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                store.insert(connection)
                blackHole(store.remove(named: connection.name))
            }
        }
    }

    Benchmark("Full request: parse, route, auth, cached page, encode (store of 10000)") { benchmark in
        let service = ZISService(seed: Seed(integrations: [
            SeedIntegration(
                name: Fixtures.integration, tokens: [SeedToken(token: Fixtures.token, scopes: [.read, .write])],
                connections: (0..<10_000).map { Fixtures.connection($0) }),
        ]))
        var router = Router()
        ConnectionsRoutes.register(on: &router, service: service)
        let connection = HTTPConnectionDriver(responder: ZISResponder(router: router))
        let request = Array(Fixtures.listRequest(cursor: Fixtures.name(5_000)).utf8)
        request.withUnsafeBytes { precondition(!connection.receive($0).isEmpty) }  // fills the page cache
        benchmark.startMeasurement()
        request.withUnsafeBytes { bytes in
            for _ in benchmark.scaledIterations {
                blackHole(connection.receive(bytes))
            }
        }
    }

    Benchmark("Seed parse + decode (10000 connections)", configuration: .init(maxDuration: .seconds(5), maxIterations: 50)) { benchmark in
        let bytes = Array(Fixtures.seedJSON(10_000).utf8)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? SeedLoader.parse(bytes, file: "bench.json", loadTime: "2024-01-01T00:00:00Z"))
        }
    }
}
