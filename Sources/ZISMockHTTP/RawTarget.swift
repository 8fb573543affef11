/// A request target as sent, and where its path and query lie in it. The path and the query are
/// cut out as strings only when asked for (reading the journal, a 404's detail), not for every
/// request: a target with a query would otherwise cost two more strings each time.
package struct RawTarget: Sendable {
    /// The target exactly as sent.
    package let text: String
    /// UTF-8 offsets in `text`: the path spans `pathStart..<pathEnd`, and the query follows a `?` at `pathEnd`.
    private let pathStart: Int
    private let pathEnd: Int

    init(text: String, pathStart: Int, pathEnd: Int) {
        self.text = text
        self.pathStart = pathStart
        self.pathEnd = pathEnd
    }

    /// A target that is all path.
    package init(path: String) {
        self.init(text: path, pathStart: 0, pathEnd: path.utf8.count)
    }

    /// The path as sent, still percent-encoded, without the query: `/` when empty (`http://host`).
    package var path: String {
        if pathStart == pathEnd { return "/" }
        if pathStart == 0, pathEnd == text.utf8.count { return text }
        return bytes(pathStart..<pathEnd)
    }

    /// The query as sent, without `?`; empty when there is none.
    package var query: String {
        pathEnd + 1 < text.utf8.count ? bytes((pathEnd + 1)..<text.utf8.count) : ""
    }

    private func bytes(_ offsets: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
        return String(decoding: utf8[start..<utf8.index(start, offsetBy: offsets.count)], as: UTF8.self)
    }
}
