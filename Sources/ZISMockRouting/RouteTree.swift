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
    /// A node as the tree is built.
    private struct Node: Sendable {
        var literals: [(text: [UInt8], child: Int)] = []
        var parameter: Int?
        /// Indices into the router's routes, in the order they were added.
        var routes: [Int] = []
    }

    /// `nodes[0]` is the root: the position of the first segment.
    private var nodes = [Node()]
    /// The same tree as flat arrays of plain values, made again after each insert, which a
    /// request walks without touching a reference count: with an array per node and per
    /// literal, the walk's retains and releases cost as much as its comparisons.
    private var walked = Walked()

    private struct Walked: Sendable {
        struct Node: Sendable {
            /// This node's literal children are `edges[edges]`; the parameter child is -1 for none.
            var edges: Range<Int>
            var parameter: Int
            var routes: Range<Int>
        }

        struct Edge: Sendable {
            /// The literal's UTF-8 in `literalBytes`, and its first eight bytes as one integer.
            var literal: Range<Int>
            var prefix: UInt64
            var child: Int
        }

        var nodes: [Node] = []
        var edges: [Edge] = []
        var literalBytes: [UInt8] = []
        var routes: [Int] = []
    }

    mutating func insert(_ pattern: PathPattern, route: Int) {
        var node = 0
        for segment in pattern.segments {
            node = child(of: node, for: segment)
        }
        nodes[node].routes.append(route)
        walked = Self.walked(nodes)
    }

    private mutating func child(of node: Int, for segment: PathPattern.Segment) -> Int {
        switch segment {
        case .literal(let text):
            if let existing = nodes[node].literals.first(where: { $0.text == Array(text.utf8) }) { return existing.child }
            nodes[node].literals.append((Array(text.utf8), nodes.count))
        case .parameter:
            if let existing = nodes[node].parameter { return existing }
            nodes[node].parameter = nodes.count
        }
        nodes.append(Node())
        return nodes.count - 1
    }

    private static func walked(_ nodes: [Node]) -> Walked {
        var walked = Walked()
        for node in nodes {
            let firstEdge = walked.edges.count
            for (text, child) in node.literals {
                let start = walked.literalBytes.count
                walked.literalBytes += text
                let prefix = text.withUnsafeBufferPointer { RequestPath.Segments.prefix(of: $0, start: 0, count: $0.count) }
                walked.edges.append(Walked.Edge(literal: start..<walked.literalBytes.count, prefix: prefix, child: child))
            }
            let firstRoute = walked.routes.count
            walked.routes += node.routes
            walked.nodes.append(Walked.Node(
                edges: firstEdge..<walked.edges.count, parameter: node.parameter ?? -1, routes: firstRoute..<walked.routes.count))
        }
        return walked
    }

    /// The routes of the most specific templates `path` fits, in the order they were added; empty
    /// when none fits. Parameters never match an empty segment.
    func routes(fitting path: RequestPath.Segments) -> ArraySlice<Int> {
        let found = walked.nodes.withUnsafeBufferPointer { nodes in
            walked.edges.withUnsafeBufferPointer { edges in
                walked.literalBytes.withUnsafeBufferPointer { bytes in
                    Self.routes(in: (nodes, edges, bytes), fitting: path)
                }
            }
        }
        return found.map { walked.routes[$0] } ?? []
    }

    private typealias Buffers = (
        nodes: UnsafeBufferPointer<Walked.Node>, edges: UnsafeBufferPointer<Walked.Edge>, bytes: UnsafeBufferPointer<UInt8>
    )

    /// Depth first, literal before parameter, as a loop: a parameter child passed over for a
    /// literal one is kept as a place to go back to should the literal's branch end without
    /// routes, the deepest first; a level keeps at most one, so the path's length bounds them.
    private static func routes(in tree: Buffers, fitting path: RequestPath.Segments) -> Range<Int>? {
        withUnsafeTemporaryAllocation(of: (node: Int, position: Int).self, capacity: path.count + 1) { untried in
            var untriedCount = 0
            var (node, position) = (0, 0)
            while true {
                let here = tree.nodes[node]
                if position == path.count {
                    if !here.routes.isEmpty { return here.routes }
                } else {
                    if here.parameter >= 0, path[position].count > 0 {
                        (untried.baseAddress! + untriedCount).initialize(to: (here.parameter, position + 1))
                        untriedCount += 1
                    }
                    let prefix = path.prefix(position)
                    // Literals are distinct, so at most one edge fits.
                    if let edge = here.edges.first(where: {
                        tree.edges[$0].prefix == prefix
                            && path.segment(position, endsLike: UnsafeBufferPointer(rebasing: tree.bytes[tree.edges[$0].literal]))
                    }) {
                        (node, position) = (tree.edges[edge].child, position + 1)
                        continue
                    }
                }
                guard untriedCount > 0 else { return nil }
                untriedCount -= 1
                (node, position) = untried[untriedCount]
            }
        }
    }
}
