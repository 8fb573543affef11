/// Why a seed did not load, precise enough to fix it without a debugger (spec §7): the file,
/// the line and column, the JSON path and the rule that was broken.
public struct SeedError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// Nil when the problem is the file itself (unreadable, not found), not its content.
    public let line: Int?
    public let column: Int?
    /// Like `integrations[0].connections.api_key[3].name`; empty for the document or the file.
    public let path: String
    public let rule: String

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String = "", rule: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.rule = rule
    }

    init(file: String, position: SourcePosition, path: String, rule: String) {
        self.init(file: file, line: position.line, column: position.column, path: path, rule: rule)
    }

    /// `seed-data/x.json:12:9: integrations[0].connections.api_key[3].name: name must be …`
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        if !path.isEmpty { text += ": \(path)" }
        return text + ": " + rule
    }
}
