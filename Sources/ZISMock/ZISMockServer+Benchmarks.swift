@_spi(Benchmarks) import ZISMockHTTP

@_spi(Benchmarks)
extension ZISMockServer {
    /// One HTTP connection to a server assembled from `configuration` exactly as `start` assembles
    /// it, fed bytes directly instead of from a socket: the micro-benchmarks measure the path
    /// production runs, and see no more of the package than this.
    public static func connectionDriver(_ configuration: ZISMockConfiguration = ZISMockConfiguration()) -> HTTPConnectionDriver {
        HTTPConnectionDriver(responder: Application(configuration).responder, limits: configuration.limits)
    }
}
