/// A parsed JSON value that remembers where it started in the source text, so that seed
/// validation can point at the offending line and column (spec §7).
package struct JSONValue: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        /// The number's lexeme as written; callers convert it to the type they expect, so no
        /// precision is lost and no floating-point parsing is done for values nobody reads.
        case number(String)
        case string(String)
        case array([JSONValue])
        /// Members in source order (the parser rejects duplicate keys).
        case object([JSONMember])
    }

    package let kind: Kind
    package let position: SourcePosition

    package init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// A short name of the value's type for error messages ("expected a string, found an array").
    package var typeDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One `"key": value` pair of a JSON object; the key keeps its own position because an
/// unknown-field error should point at the key, not at its value.
package struct JSONMember: Sendable, Equatable {
    package let key: String
    package let keyPosition: SourcePosition
    package let value: JSONValue

    package init(key: String, keyPosition: SourcePosition, value: JSONValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// A 1-based line and column; columns count Unicode scalars, not bytes, so they match what an
/// editor shows for non-ASCII text.
package struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    package let line: Int
    package let column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    package var description: String { "\(line):\(column)" }
}
