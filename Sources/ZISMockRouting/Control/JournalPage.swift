import ZISDomain

/// Which slice of the matching journal entries a read wants (issue 21): the dashboard shows 50 of
/// 10,000 at a time, newest first, and polls for what came after the newest it has. Entry ids
/// are the cursor, so a page does not shift while new requests arrive.
package struct JournalPage: Sendable {
    package enum Order: String, Sendable {
        case oldest, newest
    }

    package var order = Order.oldest
    /// At most this many entries; nil: all that match.
    package var limit: Int?
    /// Only entries whose id is below this one (older).
    package var beforeID: Int?
    /// Only entries whose id is above this one (newer).
    package var afterID: Int?

    package init() {}

    static let parameterNames: Set<String> = ["order", "limit", "before", "after"]

    /// Splits `?order=newest&limit=50&before=120&method=GET…` into the page and the filter.
    package static func parse(_ query: [(name: String, value: String)]) throws(ZISError) -> (JournalPage, JournalFilter) {
        var page = JournalPage()
        for (name, value) in query where parameterNames.contains(name) {
            switch name {
            case "order":
                guard let order = Order(rawValue: value) else { throw .badRequest(detail: "order must be oldest or newest") }
                page.order = order
            case "limit": page.limit = try AdminQuery.count(value, name)
            case "before": page.beforeID = try AdminQuery.requestID(value, name)
            default: page.afterID = try AdminQuery.requestID(value, name)
            }
        }
        let filter = try JournalFilter(query: query.filter { !parameterNames.contains($0.name) })
        return (page, filter)
    }

    func admits(_ entry: JournalEntry) -> Bool {
        if let beforeID, entry.id >= beforeID { return false }
        if let afterID, entry.id <= afterID { return false }
        return true
    }
}
