import ZISMockBasics

/// The character-class and length rules shared by seeds, cursors and (later) request bodies,
/// so the seed loader and the API can never disagree about what a valid name is.
package enum NameRules {
    /// Connection names: 3–64 characters of `A-Z a-z 0-9 _ -` (spec §4 [doc]).
    package static let connectionNameLengths = 3...64
    package static let connectionNameRule = "name must be 3-64 characters of A-Z a-z 0-9 _ -"

    /// Integration names: 1–64 of the same characters [ours] (they appear in URL paths unescaped).
    package static let integrationNameLengths = 1...64
    package static let integrationNameRule = "integration name must be 1-64 characters of A-Z a-z 0-9 _ -"

    /// Cursors: any 1–64 name characters are a position, even if no connection has that name (spec §3).
    package static let cursorLengths = 1...64

    /// Token lengths outside this range cannot be ZIS tokens (spec §2 [ours]); counted in UTF-8 bytes.
    package static let tokenLengths = 8...512
    package static let tokenRule = "token must be 8-512 characters"

    package static func isValidConnectionName(_ name: String) -> Bool {
        isNameText(name, lengths: connectionNameLengths)
    }

    package static func isValidIntegrationName(_ name: String) -> Bool {
        isNameText(name, lengths: integrationNameLengths)
    }

    package static func isValidCursor(_ cursor: String) -> Bool {
        isNameText(cursor, lengths: cursorLengths)
    }

    package static func isValidTokenLength(_ token: String) -> Bool {
        tokenLengths.contains(token.utf8.count)
    }

    /// Being ASCII-only, such names sort the same by `String` comparison and by bytes (spec §3).
    static func isNameText(_ text: String, lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(text.utf8.count) && text.allUTF8(isNameByte)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        byte.isASCIIAlphanumeric || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
