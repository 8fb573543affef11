/// One page of a name-ordered list plus the `meta` the API reports about it (spec §3).
package struct CursorPage<Element: NameKeyed> {
    /// In ascending name order, whatever the direction of travel.
    package let elements: [Element]
    /// More elements exist beyond this page in the direction of travel.
    package let hasMore: Bool

    /// `meta.before`: the first name on the page, null when empty.
    package var firstName: String? { elements.first?.name }
    /// `meta.after`: the last name on the page, null when empty.
    package var lastName: String? { elements.last?.name }
}

extension NameIndex {
    /// The window `request` selects (spec §3):
    /// - only `after` (or neither): the first `size` elements with name > after;
    /// - only `before`: the last `size` elements with name < before, travelling backwards;
    /// - both: the first `size` elements strictly between them, from the `after` side.
    /// Cursors are positions, not references, so they work whether or not an element of that
    /// name exists; cost is two binary searches plus the page size.
    func page(for request: PageRequest) -> CursorPage<Element> {
        if let before = request.before, request.after == nil {
            let end = firstIndex(notBefore: before)
            var start = end
            var taken = 0
            while taken < request.size && start > startIndex {
                start = index(before: start)
                taken += 1
            }
            return CursorPage(elements: Array(self[start..<end]), hasMore: start > startIndex)
        }
        let start = request.after.map(firstIndex(after:)) ?? startIndex
        let end = request.before.map(firstIndex(notBefore:)) ?? endIndex
        guard start < end else { return CursorPage(elements: [], hasMore: false) }
        var stop = start
        var taken = 0
        while taken < request.size && stop < end {
            stop = index(after: stop)
            taken += 1
        }
        return CursorPage(elements: Array(self[start..<stop]), hasMore: stop < end)
    }
}

extension JSONWriter {
    /// `"meta":{"after":…,"before":…,"has_more":…}` of a page (spec §3), the cursors null on an empty page.
    package mutating func meta<Element>(of page: CursorPage<Element>) {
        raw("\"meta\":{\"after\":")
        stringOrNull(page.lastName)
        raw(",\"before\":")
        stringOrNull(page.firstName)
        raw(",\"has_more\":")
        bool(page.hasMore)
        raw("}")
    }
}
