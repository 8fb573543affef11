import ZISMockBasics

/// Checks what follows a chunk size on its line, byte by byte, against RFC 9112 §7.1.1:
///
///     chunk-ext     = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
///     chunk-ext-val = token / quoted-string
///
/// Text not introduced by `;` (`5 ilovew3`), a `;` with no name (`5;`) and whitespace that no
/// `;` or `=` follows (`5 `) are refused rather than skipped: a proxy in front that reads such a
/// line differently would see another body boundary — a request-smuggling surface.
struct ChunkExtensionGrammar {
    private enum Position {
        /// After the size, or after whitespace that ended a value: only BWS then `;` may follow.
        case beforeSemicolon
        case beforeName
        case name
        /// Whitespace after a name: `=` or `;` must follow.
        case afterName
        case beforeValue
        case tokenValue
        case quotedValue
        case quotedPair
        case afterQuotedValue
    }

    enum Step: Equatable {
        case accepted
        /// The CR that ends the line, where the grammar allows the line to end.
        case lineEnds
        case refused(String)
    }

    private var position = Position.beforeSemicolon

    /// Takes the first byte after the size digits, then every byte after it up to the line's CR.
    mutating func take(_ byte: UInt8) -> Step {
        switch position {
        case .beforeSemicolon:
            if byte.isASCIIBlank { return .accepted }
            return byte == .semicolon ? move(to: .beforeName) : .refused("A chunk extension must start with ';'.")
        case .beforeName:
            if byte.isASCIIBlank { return .accepted }
            return byte.isHTTPTokenCharacter ? move(to: .name) : .refused("A chunk extension needs a name after ';'.")
        case .name:
            if byte.isHTTPTokenCharacter { return .accepted }
            if byte.isASCIIBlank { return move(to: .afterName) }
            return endOfNameOrValue(byte, orValueAfter: true)
        case .afterName:
            if byte.isASCIIBlank { return .accepted }
            if byte == .semicolon { return move(to: .beforeName) }
            return byte == .equals ? move(to: .beforeValue) : .refused("Whitespace after a chunk extension name must lead to '=' or ';'.")
        case .beforeValue:
            if byte.isASCIIBlank { return .accepted }
            if byte == .doubleQuote { return move(to: .quotedValue) }
            return byte.isHTTPTokenCharacter ? move(to: .tokenValue) : .refused("A chunk extension value must be a token or a quoted string.")
        case .tokenValue:
            if byte.isHTTPTokenCharacter { return .accepted }
            if byte.isASCIIBlank { return move(to: .beforeSemicolon) }
            return endOfNameOrValue(byte, orValueAfter: false)
        case .quotedValue:
            if byte == .doubleQuote { return move(to: .afterQuotedValue) }
            if byte == .backslash { return move(to: .quotedPair) }
            return byte.isQuotedTextCharacter ? .accepted : .refused("A quoted chunk extension value contains a control character or is not closed.")
        case .quotedPair:
            return byte.isQuotedTextCharacter || byte == .doubleQuote || byte == .backslash
                ? move(to: .quotedValue) : .refused("A quoted chunk extension value escapes a control character.")
        case .afterQuotedValue:
            if byte.isASCIIBlank { return move(to: .beforeSemicolon) }
            return endOfNameOrValue(byte, orValueAfter: false)
        }
    }

    /// Where a name or a value has just ended without whitespace: the next extension, the line's end,
    /// or (after a name only) its value.
    private mutating func endOfNameOrValue(_ byte: UInt8, orValueAfter allowsValue: Bool) -> Step {
        switch byte {
        case .semicolon: move(to: .beforeName)
        case .cr: .lineEnds
        case .equals where allowsValue: move(to: .beforeValue)
        default: .refused("A chunk extension contains a character outside its grammar.")
        }
    }

    private mutating func move(to next: Position) -> Step {
        position = next
        return .accepted
    }
}
