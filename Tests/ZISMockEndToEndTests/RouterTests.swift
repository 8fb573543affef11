import Testing
import ZISMockHTTP
import ZISMockRouting

@Suite("Router")
struct RouterTests {
    /// Routes written in an order that would trip a first-match router: the parameter route first.
    let router: Router = {
        var router = Router()
        for (method, template) in [
            ("GET", "/c/{type}"), ("POST", "/c/{type}"), ("GET", "/c/all"), ("PATCH", "/c/{type}/{name}"),
            ("DELETE", "/c/{type}/{name}"), ("GET", "/c/{type}/{name}"), ("GET", "/"),
        ] {
            router.add(method, template) { _, _ in HTTPResponse(status: 200, headers: [("Route", "\(method) \(template)")]) }
        }
        return router
    }()

    func resolve(_ method: String, _ path: [String]) -> String {
        resolve(method, RequestPath(segments: path))
    }

    func resolve(_ method: String, _ path: RequestPath, by router: Router? = nil, memo: PathMemo? = nil) -> String {
        switch (router ?? self.router).match(method: method, path: path, memo: memo).resolution {
        case .matched(let route, let parameters):
            let values = ["type", "name"].map { parameters[$0] }.filter { !$0.isEmpty }
            return "\(route.method) \(route.pattern)" + (values.isEmpty ? "" : " " + values.joined(separator: ","))
        case .notFound: return "404"
        case .methodNotAllowed(let allow): return "405 " + allow.joined(separator: ",")
        }
    }

    @Test func literalSegmentsBeatParametersWhateverTheOrder() {
        #expect(resolve("GET", ["c", "all"]) == "GET /c/all")
        #expect(resolve("POST", ["c", "all"]) == "405 GET,HEAD")
        #expect(resolve("POST", ["c", "api_key"]) == "POST /c/{type} api_key")
        #expect(resolve("GET", ["c", "api_key", "x"]) == "GET /c/{type}/{name} api_key,x")
    }

    /// A request's path is routed from its bytes: a plain one as sent, an escaped one decoded,
    /// a long one (past the segments kept on the stack) like a short one.
    @Test func parsedPathsRouteByTheirDecodedSegments() throws {
        func resolve(_ method: String, target: String) throws -> String {
            let path = try RequestTarget.parse(target).get().path
            let answer = self.resolve(method, path)
            #expect(answer == self.resolve(method, path.segments), "\(target)")
            return answer
        }
        #expect(try resolve("GET", target: "/c/all") == "GET /c/all")
        #expect(try resolve("GET", target: "/c/%61ll") == "GET /c/all")
        #expect(try resolve("GET", target: "/c/api%5Fkey/x%20y") == "GET /c/{type}/{name} api_key,x y")
        #expect(try resolve("GET", target: "/c/api_key/x?page=1") == "GET /c/{type}/{name} api_key,x")
        #expect(try resolve("GET", target: "/c//x") == "404")
        #expect(try resolve("GET", target: "/") == "GET /")
        #expect(try resolve("GET", target: "/c/" + Array(repeating: "x", count: 40).joined(separator: "/")) == "404")
    }

    /// A literal branch that ends without a route gives way to the parameter at its position.
    @Test func aDeadEndLiteralFallsBackToTheParameter() {
        var router = Router()
        for template in ["/c/all/x", "/c/{type}/y"] {
            router.add("GET", template) { _, _ in HTTPResponse(status: 200) }
        }
        guard case .matched(let route, let parameters) = router.match(method: "GET", path: RequestPath(segments: ["c", "all", "y"])).resolution else {
            Issue.record("c/all/y did not match /c/{type}/y")
            return
        }
        #expect(route.pattern.description == "/c/{type}/y" && parameters["type"] == "all")
        guard case .notFound = router.match(method: "GET", path: RequestPath(segments: ["c", "all"])).resolution else {
            Issue.record("c/all matched a route that only passes through it")
            return
        }
    }

    @Test func headIsServedWhereGetIs() {
        #expect(resolve("HEAD", ["c", "all"]) == "GET /c/all")
        #expect(resolve("HEAD", ["c", "a", "b"]) == "GET /c/{type}/{name} a,b")
        #expect(resolve("HEAD", [""]) == "GET /")
    }

    @Test func methodNotAllowedListsEveryMethodOfTheMatchingPattern() {
        #expect(resolve("PUT", ["c", "a", "b"]) == "405 PATCH,DELETE,GET,HEAD")
        #expect(resolve("PUT", ["c", "a"]) == "405 GET,HEAD,POST")
    }

    @Test func pathsOfOtherLengthsOrEmptyParametersAreNotFound() {
        #expect(resolve("GET", ["c"]) == "404")
        #expect(resolve("GET", ["c", ""]) == "404")
        #expect(resolve("GET", ["c", "a", "b", "d"]) == "404")
        #expect(resolve("GET", Array(repeating: "x", count: 40)) == "404")
        #expect(resolve("GET", ["d", "all"]) == "404")
        #expect(resolve("GET", []) == "404")
    }

    /// A repeated path's memo answers as routing it again would: for the method, and the
    /// router, it was made by; anything else is routed afresh.
    @Test func aPathMemoAnswersOnlyForItsRouterAndMethod() {
        let path = RequestPath(segments: ["c", "a", "b"])
        let memo = PathMemo()
        #expect(resolve("GET", path, memo: memo) == "GET /c/{type}/{name} a,b")
        #expect(memo.load() != nil)
        #expect(resolve("GET", path, memo: memo) == "GET /c/{type}/{name} a,b")
        #expect(resolve("PUT", path, memo: memo) == "405 PATCH,DELETE,GET,HEAD")
        #expect(resolve("DELETE", path, memo: memo) == "DELETE /c/{type}/{name} a,b")
        var other = Router()
        other.add("GET", "/c/a/b") { _, _ in HTTPResponse(status: 200) }
        #expect(resolve("GET", path, by: other, memo: memo) == "GET /c/a/b")
        // A copy that has had a route added since is another router.
        var grown = router
        grown.add("GET", "/c/a/b") { _, _ in HTTPResponse(status: 200) }
        #expect(resolve("GET", path, by: grown, memo: memo) == "GET /c/a/b")
        #expect(resolve("GET", path, memo: memo) == "GET /c/{type}/{name} a,b")
    }
}
