/// Rendered list bodies of one integration, keyed by the page request, so a repeated request
/// costs a hash lookup instead of a render (the list endpoint is the hot path).
///
/// Bounded: cursors are arbitrary client text, so without a cap a client walking with random
/// cursors could grow memory without limit. When full, an arbitrary entry is dropped; which one
/// does not matter for correctness, and tracking recency would cost every hit.
struct RenderedPageCache: Sendable {
    static var defaultCapacity: Int { 256 }

    private var bodies: [PageRequest: [UInt8]] = [:]
    let capacity: Int

    init(capacity: Int = defaultCapacity) {
        self.capacity = capacity
    }

    var count: Int { bodies.count }

    func body(for request: PageRequest) -> [UInt8]? {
        bodies[request]
    }

    mutating func store(_ body: [UInt8], for request: PageRequest) {
        if bodies.count >= capacity, bodies[request] == nil {
            bodies.remove(at: bodies.startIndex)
        }
        bodies[request] = body
    }

    mutating func removeAll() {
        bodies.removeAll(keepingCapacity: true)
    }
}
