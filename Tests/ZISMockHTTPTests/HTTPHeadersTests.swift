import Testing
@testable import ZISMockHTTP

@Suite("Header fields")
struct HTTPHeadersTests {
    let headers = HTTPHeaders([
        ("Host", "example.com"), ("Authorization", "Bearer t"), ("accept", "*/*"), ("X-A", "1"), ("x-a", "2"),
    ])

    @Test func lookupIgnoresCaseAndReturnsTheFirstValue() {
        #expect(headers["host"] == "example.com")
        #expect(headers["AUTHORIZATION"] == "Bearer t")
        #expect(headers["Accept"] == "*/*")
        #expect(headers["x-A"] == "1")
        #expect(headers.values("X-A") == ["1", "2"])
    }

    /// The presence bits answer most misses; a name sharing a present name's length and first
    /// letter must still be compared in full.
    @Test func absentNamesAreMissesEvenWhenTheyShareLengthAndFirstLetter() {
        #expect(headers["Origin"] == nil)
        #expect(headers["X-ZIS-Mock-Fault"] == nil)
        #expect(headers["Hose"] == nil)
        #expect(headers["Accent"] == nil)
        #expect(headers["X-B"] == nil)
        #expect(headers.values("X-B").isEmpty)
        #expect(headers[""] == nil)
    }

    @Test func appendedFieldsAreFound() {
        var headers = HTTPHeaders()
        #expect(headers["Content-Type"] == nil)
        headers.append(name: "content-type", value: "application/json")
        #expect(headers["Content-Type"] == "application/json")
        #expect(headers.count == 1)
    }
}
