import Testing
@testable import ZISDomain

@Suite struct ZISErrorTests {
    @Test func rendersDetailAfterTitleOnlyWhenPresent() {
        #expect(text(ZISError.notFound().body) == #"{"errors":[{"code":"NotFound","title":"Not Found"}]}"#)
        #expect(
            text(ZISError.badRequest(detail: "name \"x\" is invalid").body)
                == #"{"errors":[{"code":"BadRequest","title":"Bad Request","detail":"name \"x\" is invalid"}]}"#)
    }

    @Test func carriesExtraHeaders() {
        #expect(ZISError.tooManyRequests(retryAfterSeconds: 7).headers == [HeaderField(name: "Retry-After", value: "7")])
        #expect(ZISError.tooManyRequests(retryAfterSeconds: 7).status == 429)
        #expect(ZISError.methodNotAllowed(allow: ["GET", "POST"]).headers == [HeaderField(name: "Allow", value: "GET, POST")])
    }

    @Test func paginationErrorsNameTheParameter() {
        #expect(
            text(ZISError.invalidPagination(parameter: "page[after]").body)
                == #"{"errors":[{"code":"InvalidPaginationParameter","title":"page[after] is not valid"}]}"#)
    }
}
