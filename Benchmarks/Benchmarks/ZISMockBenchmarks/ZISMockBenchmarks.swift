import Benchmark
@_spi(Benchmarks) import ZISDomain
@_spi(Benchmarks) import ZISMockHTTP
@_spi(Benchmarks) import ZISMockRouting
import ZISMock

/// Request parser, page renderer, store and one whole request, each counted in time and in
/// mallocs per operation. Fixtures are built once and never freed (`Fixtures.shared…`), and
/// each benchmark stops measuring before its locals go away: otherwise freeing a million-connection
/// store lands inside the measured window and swamps the operation.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .instructions],
        warmupIterations: 10,
        // Each sample runs the operation 1,000 times; figures are per operation.
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )

    Benchmark("HTTP head parse (list request, 5 fields)") { benchmark in
        let request = Array(Fixtures.listRequest(cursor: nil).utf8)
        benchmark.startMeasurement()
        request.withUnsafeBytes { bytes in
            for _ in benchmark.scaledIterations {
                blackHole(HeadParserDriver.parse(bytes))
            }
        }
    }

    for count in [10_000, 1_000_000] {
        pageFromTheMiddle("Page render, 100 items, uncached", storeOf: count) { $0.renderPage(after: $1) }
        pageFromTheMiddle("Store page window, 100 items", storeOf: count) { $0.pageCount(after: $1) }

        Benchmark("Store insert + remove, middle (store of \(count))") { benchmark in
            // A private copy, made unique by one write before measuring, so copy-on-write is not timed.
            var store = Fixtures.sharedStore(count)
            let connection = Fixtures.connection(count / 2, suffix: "-new")
            store.insert(connection)
            store.remove(named: connection.name)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                store.insert(connection)
                blackHole(store.remove(named: connection.name))
            }
            benchmark.stopMeasurement()
        }
    }

    Benchmark("Full request: parse, route, auth, cached page, encode (store of 10000)") { benchmark in
        let connection = Fixtures.sharedConnection
        let request = Array(Fixtures.listRequest(cursor: Fixtures.name(5_000)).utf8)
        benchmark.startMeasurement()
        request.withUnsafeBytes { bytes in
            for _ in benchmark.scaledIterations {
                blackHole(connection.receive(bytes))
            }
        }
        benchmark.stopMeasurement()
    }

    Benchmark("Seed parse + decode (10000 connections)", configuration: .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .instructions], scalingFactor: .one,
        maxDuration: .seconds(5), maxIterations: 50)) { benchmark in
        let bytes = Array(Fixtures.seedJSON(10_000).utf8)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? SeedLoader.parse(bytes, file: "bench.json", loadTime: "2024-01-01T00:00:00Z"))
        }
        benchmark.stopMeasurement()
    }
}

/// `read` of the page after the middle name of a shared store of `count` connections.
private func pageFromTheMiddle<Result>(
    _ title: String, storeOf count: Int, _ read: @escaping @Sendable (ConnectionStoreDriver, String) -> Result
) {
    Benchmark("\(title) (store of \(count))") { benchmark in
        let store = Fixtures.sharedStore(count)
        let cursor = Fixtures.name(count / 2)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(read(store, cursor))
        }
        benchmark.stopMeasurement()
    }
}
