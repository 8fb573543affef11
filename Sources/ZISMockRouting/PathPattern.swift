/// A path template such as `/api/services/zis/integrations/{integration}/connections/all`, matched
/// segment by segment against a decoded path.
package struct PathPattern: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]
    package let description: String
    /// How many `{placeholders}`: the parameter list of a match is sized once.
    private let parameterCount: Int

    package init(_ template: String) {
        description = template
        segments = template.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
        parameterCount = segments.count { if case .parameter = $0 { true } else { false } }
    }

    /// Whether the template begins with these literal segments (a route group's prefix).
    func starts(with prefix: [String]) -> Bool {
        segments.starts(with: prefix.map(Segment.literal))
    }

    /// At the first segment where the two differ in kind, this one has the literal.
    func isMoreSpecific(than other: PathPattern) -> Bool {
        for (mine, theirs) in zip(segments, other.segments) {
            switch (mine, theirs) {
            case (.literal, .parameter): return true
            case (.parameter, .literal): return false
            default: continue
            }
        }
        return false
    }

    /// Whether `path` fits the template; parameters never match an empty segment.
    func matches(_ path: [String]) -> Bool {
        guard path.count == segments.count else { return false }
        for (segment, value) in zip(segments, path) {
            switch segment {
            case .literal(let literal): if literal != value { return false }
            case .parameter: if value.isEmpty { return false }
            }
        }
        return true
    }

    /// The values at the parameters' positions of a path that `matches`.
    func parameters(of path: [String]) -> PathParameters {
        var parameters = PathParameters()
        parameters.values.reserveCapacity(parameterCount)
        for case (.parameter(let name), let value) in zip(segments, path) { parameters.values.append((name, value)) }
        return parameters
    }
}

/// Values the path's `{placeholders}` matched.
package struct PathParameters: Sendable {
    var values: [(name: String, value: String)] = []

    package subscript(name: String) -> String {
        values.first { $0.name == name }?.value ?? ""
    }
}
