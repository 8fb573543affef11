// swift-tools-version:6.1
import PackageDescription

// Micro-benchmarks (ordo-one/benchmark) in a package of their own, so the main build and
// `swift test` never resolve or compile the benchmark framework. Run: bash bench/micro.sh
let package = Package(
    name: "zis-mock-benchmarks",
    dependencies: [
        .package(name: "zis-mock", path: ".."),
        // The malloc interposer counts allocations per operation (it is what mallocCountTotal reads).
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ZISMockBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "ZISMock", package: "zis-mock"),
            ],
            path: "Benchmarks/ZISMockBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        )
    ]
)
