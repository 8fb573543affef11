@_spi(Benchmarks) import ZISDomain

@_spi(Benchmarks)
extension ConnectionStoreDriver {
    /// What the list endpoint does on a page-cache miss: select the window and render it.
    public func renderPage(after: String?, size: Int? = nil) -> [UInt8] {
        ConnectionListRenderer.render(page(after: after, size: size))
    }
}
