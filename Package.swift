// swift-tools-version:6.0
import PackageDescription

// A request flows sockets → HTTP → routing → ZIS domain; each target imports only the ones below it.
let package = Package(
    name: "zis-mock",
    products: [
        .executable(name: "zis-mock", targets: ["ZISMockCLI"]),
        .library(name: "ZISMock", targets: ["ZISMock"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // epoll, eventfd and accept4 are not exported by Swift's Glibc module.
        .target(name: "CSystemShim"),
        // A big seed file mapped instead of copied, safe against the file shrinking meanwhile (issue 20).
        .target(name: "CFileMap"),
        // A lock the thread sanitizer can see; every layer may share it.
        .target(name: "ZISMockLocking"),
        // ASCII byte classes, the clock and the status table: facts every layer needs, written once.
        .target(name: "ZISMockBasics"),
        // HTTPS through the system's OpenSSL (Debian: libssl-dev).
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(name: "CTLSShim", dependencies: ["COpenSSL"]),
        .target(name: "ZISMockSockets", dependencies: ["CSystemShim", "CTLSShim", "ZISMockLocking", "ZISMockBasics"]),
        // gzip through the system's zlib (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "ZISMockHTTP", dependencies: ["ZISMockSockets", "CZlib", "ZISMockBasics"]),
        // seed-data/default.json, openapi/zis-mock.yaml and dashboard/index.html are compiled in as string literals generated at
        // build time (Plugins/EmbedAsLiteral says which file goes into which target), not checked-in copies.
        .executableTarget(name: "EmbedAsLiteralTool"),
        .plugin(name: "EmbedAsLiteral", capability: .buildTool(), dependencies: ["EmbedAsLiteralTool"]),
        .target(name: "ZISDomain", dependencies: ["CFileMap", "ZISMockLocking", "ZISMockBasics"], plugins: ["EmbedAsLiteral"]),
        .target(name: "ZISMockRouting", dependencies: ["ZISMockHTTP", "ZISDomain", "ZISMockBasics"], plugins: ["EmbedAsLiteral"]),
        // --state-file: the change log, group commit and snapshots (issue 17); the domain only emits changes.
        .target(name: "ZISMockPersistence", dependencies: ["ZISDomain", "ZISMockLocking", "CZlib"]),
        .target(name: "ZISMock", dependencies: [
            "ZISMockRouting", "ZISMockPersistence", "ZISMockHTTP", "ZISMockSockets", "ZISDomain", "ZISMockLocking", "ZISMockBasics",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(
            name: "ZISMockCLI",
            dependencies: [
                "ZISMock", "ZISMockRouting", "ZISMockSockets", "ZISDomain", "COpenSSL", .product(name: "Logging", package: "swift-log"),
            ],
            // Start-up time is a feature (issue #10). A release build is one static executable (the
            // Swift runtime, glibc, OpenSSL and zlib linked in): exec then maps no shared library and
            // resolves no symbol, which was about 7 ms of a 15 ms start to the first 200.
            linkerSettings: [.unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))]),
        // Tests mirror the sources, a target per module; `+Mock`-style builders they share live in one place.
        .target(name: "ZISMockFixtures", dependencies: ["ZISDomain"], path: "Tests/ZISMockFixtures"),
        .testTarget(name: "ZISMockBasicsTests", dependencies: ["ZISMockBasics"]),
        .testTarget(name: "ZISMockSocketsTests", dependencies: ["ZISMockSockets", "ZISMockBasics"]),
        .testTarget(name: "ZISMockHTTPTests", dependencies: ["ZISMockHTTP", "ZISMockSockets", "ZISMockBasics"]),
        .testTarget(name: "ZISMockPersistenceTests", dependencies: ["ZISMockPersistence", "ZISDomain", "ZISMockFixtures", "ZISMockLocking"]),
        .testTarget(name: "ZISDomainTests", dependencies: ["ZISDomain", "ZISMockLocking", "ZISMockFixtures"]),
        .testTarget(name: "ZISMockRoutingTests", dependencies: ["ZISMockRouting", "ZISMockHTTP", "ZISDomain", "ZISMockFixtures", "ZISMockBasics"]),
        .testTarget(
            name: "ZISMockEndToEndTests",
            dependencies: ["ZISMock", "ZISMockHTTP", "ZISMockRouting", "ZISDomain", "ZISMockLocking", "ZISMockBasics", "ZISMockFixtures"]),
    ]
)
