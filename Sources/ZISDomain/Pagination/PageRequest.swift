import ZISMockBasics

/// The validated cursor-pagination parameters of a list request (spec §3). Hashable because
/// it is also the key of the rendered-page cache.
package struct PageRequest: Sendable, Hashable {
    /// "Can't exceed 100" [doc]; larger values are capped rather than refused.
    package static let maximumSize = 100
    package static let defaultSize = 100

    package static let sizeParameter = "page[size]"
    package static let afterParameter = "page[after]"
    package static let beforeParameter = "page[before]"

    package let size: Int
    package let after: String?
    package let before: String?

    package init(size: Int = defaultSize, after: String? = nil, before: String? = nil) {
        self.size = size
        self.after = after
        self.before = before
    }

    /// Reads `page[size]`, `page[after]` and `page[before]` from already percent-decoded pairs.
    /// A repeated parameter: the last one wins; other parameters are ignored (spec §3).
    package static func parse(query: [(name: String, value: String)]) throws(ZISError) -> PageRequest {
        var sizeText: String?
        var after: String?
        var before: String?
        for (name, value) in query {
            switch name {
            case sizeParameter: sizeText = value
            case afterParameter: after = value
            case beforeParameter: before = value
            default: continue
            }
        }
        var size = defaultSize
        if let sizeText {
            guard let parsed = parseSize(sizeText) else { throw .invalidPagination(parameter: sizeParameter) }
            size = parsed
        }
        if let after, !NameRules.isValidCursor(after) { throw .invalidPagination(parameter: afterParameter) }
        if let before, !NameRules.isValidCursor(before) { throw .invalidPagination(parameter: beforeParameter) }
        return PageRequest(size: size, after: after, before: before)
    }

    /// A positive decimal integer, capped at `maximumSize`; nil for empty, zero, signs or other text.
    /// Digits are accumulated only until the cap is passed, so a 1,000-digit size cannot overflow.
    private static func parseSize(_ text: String) -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard byte.isASCIIDigit else { return nil }
            if value <= maximumSize { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
        }
        return value == 0 ? nil : min(value, maximumSize)
    }
}
