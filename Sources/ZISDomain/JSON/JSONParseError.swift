/// A syntax error with the position of the byte where parsing stopped.
package struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    package let position: SourcePosition
    package let message: String

    package init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }

    package var description: String { "\(position): \(message)" }
}
