/// The store and the page renderer as the micro-benchmarks package (`Benchmarks/`) reaches them:
/// it sees only public API, and `NameIndex` is internal (the renderer's half is in the routing
/// module, `ConnectionStoreDriver+Rendering`). Behind
/// `@_spi(Benchmarks)` so this is not part of the library's public surface.
@_spi(Benchmarks)
public struct ConnectionStoreDriver: Sendable {
    private var index: NameIndex<Connection>

    /// `connections` must have unique names; they need not be sorted.
    public init(connections: [Connection]) {
        index = NameIndex(sortedUniqueElements: connections.sorted { $0.name < $1.name })
    }

    public var count: Int { index.count }

    @discardableResult
    public mutating func insert(_ connection: Connection) -> Bool {
        index.insert(connection)
    }

    @discardableResult
    public mutating func remove(named name: String) -> Connection? {
        index.remove(named: name)
    }

    /// The page's window only (two binary searches and the copy), as the number of elements.
    public func pageCount(after: String?, size: Int? = nil) -> Int {
        page(after: after, size: size).elements.count
    }

    /// `size` nil: the largest page the API serves.
    package func page(after: String?, size: Int?) -> CursorPage<Connection> {
        index.page(for: PageRequest(size: size ?? PageRequest.maximumSize, after: after))
    }
}
