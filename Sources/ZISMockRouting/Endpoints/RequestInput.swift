import ZISDomain
import ZISMockHTTP

/// How an endpoint reads what the request carries beyond its path, into a typed value the
/// operation takes: nothing, the query, or a JSON object body. Runs after authorization.
struct RequestInput<Target, Value>: Sendable {
    let decode: @Sendable (HTTPRequest, Target) throws(ZISError) -> Value

    static func query(_ parse: @escaping @Sendable ([(name: String, value: String)]) throws(ZISError) -> Value) -> Self {
        Self { request, _ throws(ZISError) in try parse(request.query) }
    }

    /// A JSON object body read as fields (`JSONRequestBody`). `wrapper`: the key under which the
    /// fields may also come wrapped, as the responses wrap them.
    static func json(
        wrapper: @escaping @Sendable (Target) -> String? = { _ in nil },
        _ decode: @escaping @Sendable (RequestFields, Target) throws(ZISError) -> Value
    ) -> Self {
        Self { request, target throws(ZISError) in
            try decode(try JSONRequestBody.fields(of: request, wrapper: wrapper(target)), target)
        }
    }
}

extension RequestInput where Value == Void {
    static var none: Self { Self { _, _ in } }
}

/// How an endpoint answers its operation's result.
struct Reply<Output>: Sendable {
    let render: @Sendable (Output, HTTPRequest) -> HTTPResponse

    static func json(_ status: Int, _ body: @escaping @Sendable (Output) -> [UInt8]) -> Self {
        Self { output, _ in .json(status, body(output)) }
    }
}

extension Reply where Output == Void {
    static var noContent: Self { Self { _, _ in HTTPResponse(status: 204) } }
}

extension Reply where Output == Void {
    /// 200 with an empty body, as the Registry answers an upload [doc].
    static var emptyOK: Self { Self { _, _ in HTTPResponse(status: 200) } }
}
