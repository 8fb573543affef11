/// A path template such as `/api/services/zis/integrations/{integration}/connections/all`, matched
/// segment by segment against a decoded path.
public struct PathPattern: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]
    public let description: String

    public init(_ template: String) {
        description = template
        segments = template.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
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

    /// The parameter values when `path` matches; parameters never match an empty segment.
    func match(_ path: [String]) -> PathParameters? {
        guard path.count == segments.count else { return nil }
        var parameters = PathParameters()
        for (segment, value) in zip(segments, path) {
            switch segment {
            case .literal(let literal) where literal == value: continue
            case .parameter(let name) where !value.isEmpty: parameters.values.append((name, value))
            default: return nil
            }
        }
        return parameters
    }
}

/// Values the path's `{placeholders}` matched.
public struct PathParameters: Sendable {
    var values: [(name: String, value: String)] = []

    public subscript(name: String) -> String {
        values.first { $0.name == name }?.value ?? ""
    }
}
