// swift-tools-version:6.0
import PackageDescription

// A request flows sockets → HTTP → routing → ZIS domain; each target imports only the ones below it.
let package = Package(
    name: "zis-mock",
    products: [
        .executable(name: "zis-mock", targets: ["ZISMockCLI"]),
        .library(name: "ZISMock", targets: ["ZISMock"]),
    ],
    targets: [
        // epoll, eventfd and accept4 are not exported by Swift's Glibc module.
        .target(name: "CSystemShim"),
        // A lock the thread sanitizer can see; the one thing every layer may share.
        .target(name: "ZISMockLocking"),
        .target(name: "ZISMockSockets", dependencies: ["CSystemShim", "ZISMockLocking"]),
        .target(name: "ZISMockHTTP", dependencies: ["ZISMockSockets"]),
        .target(name: "ZISDomain", dependencies: ["ZISMockLocking"]),
        .target(name: "ZISMockRouting", dependencies: ["ZISMockHTTP", "ZISDomain"]),
        .target(name: "ZISMock", dependencies: ["ZISMockRouting", "ZISMockHTTP", "ZISMockSockets", "ZISDomain"]),
        .executableTarget(name: "ZISMockCLI", dependencies: ["ZISMock"]),
        .testTarget(name: "ZISMockHTTPTests", dependencies: ["ZISMockHTTP"]),
        .testTarget(name: "ZISDomainTests", dependencies: ["ZISDomain", "ZISMockLocking"]),
        .testTarget(name: "ZISMockEndToEndTests", dependencies: ["ZISMock", "ZISMockLocking"]),
    ]
)
