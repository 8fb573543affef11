import ZISMockHTTP

/// A path template such as `/api/services/zis/integrations/{integration}/connections/all`; the
/// router's `RouteTree` matches decoded paths against its segments.
package struct PathPattern: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]
    package let description: String
    /// The `{placeholders}` and their positions, found once: a match only picks out the values.
    private let parameterNames: [String]
    private let parameterPositions: [Int]

    package init(_ template: String) {
        description = template
        segments = template.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
        let parameters = segments.enumerated().compactMap { position, segment -> (String, Int)? in
            if case .parameter(let name) = segment { (name, position) } else { nil }
        }
        parameterNames = parameters.map(\.0)
        parameterPositions = parameters.map(\.1)
    }

    /// Whether the template begins with these literal segments (a route group's prefix).
    func starts(with prefix: [String]) -> Bool {
        segments.starts(with: prefix.map(Segment.literal))
    }

    /// The values at the parameters' positions of a path that fits the template (`RouteTree`):
    /// the only segments of a request made into strings.
    func parameters(of path: RequestPath.Segments) -> PathParameters {
        guard let firstPosition = parameterPositions.first else { return PathParameters(names: parameterNames) }
        let others = parameterPositions.count == 1 ? [] : parameterPositions.dropFirst().map(path.string)
        return PathParameters(names: parameterNames, first: path.string(firstPosition), others: others)
    }
}

/// Values the path's `{placeholders}` matched. The names are the pattern's own array, shared; the
/// first value is held inline, so a route with one placeholder (most: `{integration}`) matches
/// without allocating, and only the others go in an array.
package struct PathParameters: Sendable {
    private let names: [String]
    private let first: String
    private let others: [String]

    init(names: [String] = [], first: String = "", others: [String] = []) {
        self.names = names
        self.first = first
        self.others = others
    }

    package subscript(name: String) -> String {
        guard let index = names.firstIndex(of: name) else { return "" }
        return index == 0 ? first : others[index - 1]
    }
}
