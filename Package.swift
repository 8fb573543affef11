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
        // A lock the thread sanitizer can see; the one thing every layer may share.
        .target(name: "ZISMockLocking"),
        // HTTPS through the system's OpenSSL (Debian: libssl-dev).
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(name: "CTLSShim", dependencies: ["COpenSSL"]),
        .target(name: "ZISMockSockets", dependencies: ["CSystemShim", "CTLSShim", "ZISMockLocking"]),
        // gzip through the system's zlib (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "ZISMockHTTP", dependencies: ["ZISMockSockets", "CZlib"]),
        .target(name: "ZISDomain", dependencies: ["ZISMockLocking"]),
        .target(name: "ZISMockRouting", dependencies: ["ZISMockHTTP", "ZISDomain"]),
        .target(name: "ZISMock", dependencies: [
            "ZISMockRouting", "ZISMockHTTP", "ZISMockSockets", "ZISDomain", "ZISMockLocking",
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
        .testTarget(name: "ZISMockHTTPTests", dependencies: ["ZISMockHTTP", "ZISMockSockets"]),
        .testTarget(name: "ZISDomainTests", dependencies: ["ZISDomain", "ZISMockLocking"]),
        .testTarget(name: "ZISMockEndToEndTests", dependencies: ["ZISMock", "ZISMockHTTP", "ZISMockLocking"]),
    ]
)
