import Testing
@testable import ZISMockHTTP

@Suite("Request target")
struct RequestTargetTests {
    func parse(_ target: String) throws -> RequestTarget {
        try RequestTarget.parse(target).get()
    }

    func pairs(_ target: String) throws -> [String] {
        try parse(target).query.map { "\($0.name)=\($0.value)" }
    }

    func isMalformed(_ target: String) -> Bool {
        if case .failure(.malformed) = RequestTarget.parse(target) { return true }
        return false
    }

    @Test func originForm() throws {
        let target = try parse("/api/services/zis/integrations/acme/connections/all?page%5Bsize%5D=10&page[after]=b")
        #expect(target.raw.path == "/api/services/zis/integrations/acme/connections/all")
        #expect(target.pathSegments == ["api", "services", "zis", "integrations", "acme", "connections", "all"])
        #expect(target.raw.query == "page%5Bsize%5D=10&page[after]=b")
        #expect(try pairs("/x?page%5Bsize%5D=10&page[after]=b") == ["page[size]=10", "page[after]=b"])
    }

    /// A repeated target is the previous parse; any other text is parsed anew.
    @Test func repeatingThePreviousTarget() throws {
        var previous: RequestTarget?
        for (text, segments, values) in [
            ("/a/b?x=1", ["a", "b"], ["1"]), ("/a/b?x=1", ["a", "b"], ["1"]), ("/a/b?x=2", ["a", "b"], ["2"]),
            ("/a/c?x=2", ["a", "c"], ["2"]), ("/a/c", ["a", "c"], []),
        ] {
            let target = try RequestTarget.parse(text, repeating: &previous).get()
            #expect(target.raw.text == text && target.pathSegments == segments && target.query.map(\.value) == values)
            #expect(previous?.raw.text == text)
        }
        // A target gets a memo when it is first repeated, and keeps it while it is.
        var repeated: RequestTarget?
        #expect(try RequestTarget.parse("/m", repeating: &repeated).get().memo == nil)
        let memo = try #require(try RequestTarget.parse("/m", repeating: &repeated).get().memo)
        #expect(try RequestTarget.parse("/m", repeating: &repeated).get().memo === memo)
        #expect(try RequestTarget.parse("/n", repeating: &repeated).get().memo == nil)
        // A refused target leaves the previous parse in place.
        #expect(throws: HTTPRequestFailure.self) { try RequestTarget.parse("/a#b", repeating: &previous).get() }
        #expect(previous?.raw.text == "/a/c")
    }

    @Test func rootAndTrailingSlashes() throws {
        #expect(try parse("/").pathSegments == [""])
        #expect(try parse("/a/").pathSegments == ["a", ""])
        #expect(try parse("//a").pathSegments == ["", "a"])
        // More segments than the router keeps on the stack.
        let many = (0..<40).map { "s\($0)" }
        #expect(try parse("/" + many.joined(separator: "/")).pathSegments == many)
        // The same with an escape, which takes the decoding path.
        #expect(try parse("/%61/").pathSegments == ["a", ""])
        #expect(try parse("//%61").pathSegments == ["", "a"])
        #expect(try parse("/%61").pathSegments == ["a"])
        #expect(try parse("/?").raw.query == "")
        #expect(try parse("/?").query.isEmpty)
    }

    @Test func emptyQueryPairsAreSkippedAndEmptyValuesKept() throws {
        #expect(try pairs("/x?&a=1&&b=&c&") == ["a=1", "b=", "c="])
        #expect(try pairs("/x?=v") == ["=v"])
        #expect(try pairs("/x?a+b=c%26d%3De") == ["a b=c&d=e"])
    }

    @Test func decodedTextMustBeUTF8() throws {
        #expect(try parse("/caf%C3%A9").pathSegments == ["café"])
        #expect(try pairs("/x?n=%E2%82%AC") == ["n=€"])
        #expect(isMalformed("/caf%C3"))
        #expect(isMalformed("/x?n=%FF"))
        #expect(isMalformed("/x?n=%00"))
    }

    @Test func pathSegmentsArePercentDecodedButTheRawPathIsNot() throws {
        let target = try parse("/a%20b/c%2Fd/e+f/%5Bx%5D")
        #expect(target.pathSegments == ["a b", "c/d", "e+f", "[x]"])
        #expect(target.raw.path == "/a%20b/c%2Fd/e+f/%5Bx%5D")
    }

    @Test func absoluteFormIsReducedToItsPath() throws {
        let target = try parse("http://mysubdomain.zendesk.com/api/x?a=1")
        #expect(target.raw.path == "/api/x")
        #expect(target.pathSegments == ["api", "x"])
        #expect(try pairs("http://mysubdomain.zendesk.com/api/x?a=1") == ["a=1"])
        #expect(try parse("HTTPS://h.example:8443/p").pathSegments == ["p"])
        #expect(try parse("http://h.example").raw.path == "/")
        let queryOnly = try parse("http://h.example?a=1")
        #expect(queryOnly.raw.path == "/")
        #expect(queryOnly.query.map(\.name) == ["a"])
    }

    @Test func asteriskForm() throws {
        let target = try parse("*")
        #expect(target.raw.path == "*")
        #expect(target.pathSegments.isEmpty)
    }

    @Test(arguments: ["a/b", "ftp://h/x", "h.example/x", "/a#frag", "/a?b#frag", "/a%zz", "/a%00b", "/a%FF", "/?a=%zz", "/?%zz=1", "/?a=%00"])
    func refusesBadTargets(target: String) {
        #expect(isMalformed(target), "\(target)")
    }

    @Test func keepsQueryOrderAndRepeats() throws {
        #expect(try pairs("/x?b=2&a=1&b=3") == ["b=2", "a=1", "b=3"])
        #expect(try pairs("/x?page[size]=5&page[size]=7") == ["page[size]=5", "page[size]=7"])
    }

    @Test func emptyNamesAndValues() throws {
        #expect(try pairs("/x?a=&b&=c") == ["a=", "b=", "=c"])
        #expect(try pairs("/x?&&a=1&&") == ["a=1"])
        #expect(try pairs("/x?a=1=2") == ["a=1=2"], "only the first = splits")
    }

    @Test func queryPlusAndEscapes() throws {
        #expect(try pairs("/x?q=a+b%2Bc&n%3Dm=v") == ["q=a b+c", "n=m=v"])
    }
}
