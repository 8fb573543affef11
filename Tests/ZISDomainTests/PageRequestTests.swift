import Testing
@testable import ZISDomain

@Suite struct PageRequestTests {
    @Test func defaultsToOneHundred() throws {
        #expect(try PageRequest.parse(query: []) == PageRequest(size: 100, after: nil, before: nil))
    }

    @Test(arguments: [("1", 1), ("42", 42), ("100", 100), ("101", 100), ("007", 7), (String(repeating: "9", count: 400), 100)])
    func acceptsPositiveIntegersCappedAtOneHundred(value: String, size: Int) throws {
        #expect(try PageRequest.parse(query: [("page[size]", value)]).size == size)
    }

    @Test(arguments: ["0", "-1", "", "1.5", "ten", " 5", "+5", "5 ", "0x10", "000"])
    func rejectsOtherSizes(value: String) {
        #expect(throws: ZISError.invalidPagination(parameter: "page[size]")) {
            try PageRequest.parse(query: [("page[size]", value)])
        }
    }

    @Test(arguments: ["", String(repeating: "a", count: 65), "a b", "a.b", "ä", "a/b", "a%20"])
    func rejectsInvalidCursors(value: String) {
        #expect(throws: ZISError.invalidPagination(parameter: "page[after]")) {
            try PageRequest.parse(query: [("page[after]", value)])
        }
        #expect(throws: ZISError.invalidPagination(parameter: "page[before]")) {
            try PageRequest.parse(query: [("page[before]", value)])
        }
    }

    @Test func acceptsAnyNameCharactersAsCursor() throws {
        let cursor = "A-z_09" + String(repeating: "x", count: 58)
        #expect(try PageRequest.parse(query: [("page[after]", cursor), ("page[before]", "b")]) == PageRequest(after: cursor, before: "b"))
    }

    @Test func lastRepeatedParameterWinsAndUnknownOnesAreIgnored() throws {
        let query = [("page[size]", "0"), ("page[size]", "5"), ("page[after]", "a"), ("sort", "x"), ("page[after]", "b")]
        #expect(try PageRequest.parse(query: query) == PageRequest(size: 5, after: "b"))
        #expect(throws: ZISError.self) { try PageRequest.parse(query: [("page[size]", "5"), ("page[size]", "x")]) }
    }
}
