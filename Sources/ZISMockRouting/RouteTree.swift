import ZISMockHTTP

/// The routes' templates as a tree of path segments, so a request walks its own path once
/// instead of being compared with every template of its length: each node is a segment position,
/// with a child per literal written there and at most one for a parameter, and the routes whose
/// templates end at it.
///
/// A literal segment beats a parameter, as in any trie router: the walk tries the literal child
/// first and the parameter child only if that branch ends without routes. So the first node it
/// finds holds the most specific templates that fit, the ones that differ from every other fit by
/// having a literal where the other has a parameter, at the first position where they differ.
struct RouteTree: Sendable {
    /// Plain values only, like the edges, so a request walks the tree without touching a
    /// reference count (with an array per node and per literal, the walk's retains and releases
    /// cost as much as its comparisons).
    private struct Node: Sendable {
        /// The first of this node's literal children in `edges`, each linking to the next; -1 for none.
        var firstEdge = -1
        /// The parameter child; -1 for none.
        var parameter = -1
        var hasRoutes = false
    }

    private struct Edge: Sendable {
        /// The literal's UTF-8 in `literalBytes`, and its first eight bytes as one integer.
        var literal: Range<Int>
        var prefix: UInt64
        var child: Int
        var next: Int
    }

    /// `nodes[0]` is the root: the position of the first segment.
    private var nodes = [Node()]
    private var edges: [Edge] = []
    private var literalBytes: [UInt8] = []
    /// The routes whose templates end at each node: indices into the router's routes, in the order they were added.
    private var routesByNode: [[Int]] = [[]]

    mutating func insert(_ pattern: PathPattern, route: Int) {
        var node = 0
        for segment in pattern.segments {
            node = child(of: node, for: segment)
        }
        routesByNode[node].append(route)
        nodes[node].hasRoutes = true
    }

    private mutating func child(of node: Int, for segment: PathPattern.Segment) -> Int {
        let child = nodes.count
        switch segment {
        case .literal(let text):
            let bytes = Array(text.utf8)
            var edge = nodes[node].firstEdge
            while edge >= 0 {
                if Array(literalBytes[edges[edge].literal]) == bytes { return edges[edge].child }
                edge = edges[edge].next
            }
            let start = literalBytes.count
            literalBytes += bytes
            let prefix = bytes.withUnsafeBufferPointer { RequestPath.Segments.prefix(of: $0, start: 0, count: $0.count) }
            // At the front of the node's list: literals are distinct, so their order does not matter.
            edges.append(Edge(literal: start..<literalBytes.count, prefix: prefix, child: child, next: nodes[node].firstEdge))
            nodes[node].firstEdge = edges.count - 1
        case .parameter:
            if nodes[node].parameter >= 0 { return nodes[node].parameter }
            nodes[node].parameter = child
        }
        nodes.append(Node())
        routesByNode.append([])
        return child
    }

    /// The routes of the most specific templates `path` fits, in the order they were added; empty
    /// when none fits. Parameters never match an empty segment.
    func routes(fitting path: RequestPath.Segments) -> [Int] {
        let found = nodes.withUnsafeBufferPointer { nodes in
            edges.withUnsafeBufferPointer { edges in
                literalBytes.withUnsafeBufferPointer { bytes in
                    Self.node(in: (nodes, edges, bytes), fitting: path)
                }
            }
        }
        return found.map { routesByNode[$0] } ?? []
    }

    private typealias Buffers = (nodes: UnsafeBufferPointer<Node>, edges: UnsafeBufferPointer<Edge>, bytes: UnsafeBufferPointer<UInt8>)

    /// Depth first, literal before parameter, as a loop: a parameter child passed over for a
    /// literal one is kept as a place to go back to should the literal's branch end without
    /// routes, the deepest first; a level keeps at most one, so the path's length bounds them.
    /// Returns the node whose routes fit.
    private static func node(in tree: Buffers, fitting path: RequestPath.Segments) -> Int? {
        withUnsafeTemporaryAllocation(of: (node: Int, position: Int).self, capacity: path.count + 1) { untried in
            var untriedCount = 0
            var (node, position) = (0, 0)
            walk: while true {
                let here = tree.nodes[node]
                if position == path.count {
                    if here.hasRoutes { return node }
                } else {
                    if here.parameter >= 0, path[position].count > 0 {
                        (untried.baseAddress! + untriedCount).initialize(to: (here.parameter, position + 1))
                        untriedCount += 1
                    }
                    let prefix = path.prefix(position)
                    var edge = here.firstEdge
                    while edge >= 0 {
                        let candidate = tree.edges[edge]
                        // Literals are distinct, so at most one edge fits.
                        if candidate.prefix == prefix,
                           path.segment(position, endsLike: UnsafeBufferPointer(rebasing: tree.bytes[candidate.literal])) {
                            (node, position) = (candidate.child, position + 1)
                            continue walk
                        }
                        edge = candidate.next
                    }
                }
                guard untriedCount > 0 else { return nil }
                untriedCount -= 1
                (node, position) = untried[untriedCount]
            }
        }
    }
}
