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
    private struct Node: Sendable {
        /// Children by literal segment; a handful each, so a scan beats hashing the segment.
        var literals: [(text: String, child: Int)] = []
        var parameter: Int?
        /// Indices into the router's routes, in the order they were added.
        var routes: [Int] = []
    }

    /// `nodes[0]` is the root: the position of the first segment.
    private var nodes = [Node()]

    mutating func insert(_ pattern: PathPattern, route: Int) {
        var node = 0
        for segment in pattern.segments {
            node = child(of: node, for: segment)
        }
        nodes[node].routes.append(route)
    }

    private mutating func child(of node: Int, for segment: PathPattern.Segment) -> Int {
        switch segment {
        case .literal(let text):
            if let existing = nodes[node].literals.first(where: { $0.text == text }) { return existing.child }
            nodes[node].literals.append((text, nodes.count))
        case .parameter:
            if let existing = nodes[node].parameter { return existing }
            nodes[node].parameter = nodes.count
        }
        nodes.append(Node())
        return nodes.count - 1
    }

    /// The routes of the most specific templates `path` fits, in the order they were added; empty
    /// when none fits. Parameters never match an empty segment.
    func routes(fitting path: [String]) -> [Int] {
        nodes.withUnsafeBufferPointer { nodes in
            path.withUnsafeBufferPointer { path in Self.routes(in: nodes, from: 0, fitting: path, at: 0) } ?? []
        }
    }

    /// Depth first, literal before parameter; the depth is at most the longest template's length.
    private static func routes(
        in nodes: UnsafeBufferPointer<Node>, from node: Int, fitting path: UnsafeBufferPointer<String>, at position: Int
    ) -> [Int]? {
        guard position < path.count else { return nodes[node].routes.isEmpty ? nil : nodes[node].routes }
        let segment = path[position]
        if let literal = nodes[node].literals.first(where: { $0.text == segment }),
           let found = routes(in: nodes, from: literal.child, fitting: path, at: position + 1) {
            return found
        }
        guard let parameter = nodes[node].parameter, !segment.isEmpty else { return nil }
        return routes(in: nodes, from: parameter, fitting: path, at: position + 1)
    }
}
