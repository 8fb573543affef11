import ZISMockHTTP

extension HTTPRequest {
    /// A request as the HTTP layer would hand it to routing, from its method and target
    /// (`/path?query`, percent-encoded as on the wire), without a socket.
    static func mock(
        _ method: String, _ target: String, headers: [(name: String, value: String)] = [], body: String = "",
        isSecure: Bool = false
    ) -> HTTPRequest {
        guard case .success(let parsed) = RequestTarget.parse(target) else { fatalError("not a request target: \(target)") }
        return HTTPRequest(
            method: method, target: parsed.raw, path: parsed.path, query: parsed.query, headers: HTTPHeaders(headers),
            body: Array(body.utf8), isSecure: isSecure)
    }

    /// The same, authorized with `token` and carrying a JSON body when one is given.
    static func mock(_ method: String, _ target: String, token: String, json: String? = nil) -> HTTPRequest {
        var headers = [(name: "Authorization", value: "Bearer \(token)")]
        if json != nil { headers.append((name: "Content-Type", value: "application/json")) }
        return mock(method, target, headers: headers, body: json ?? "")
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
