/// The request target split into a decoded path and query (RFC 9112 §3.2). Origin form
/// (`/path?query`) is the norm; absolute form (`http://host/path`) is accepted from proxies and
/// reduced to its path; `*` is kept for `OPTIONS *`.
struct RequestTarget {
    var rawPath: String
    var pathSegments: [String]
    var rawQuery: String
    var query: [(name: String, value: String)]

    static func parse(_ target: String) -> Result<RequestTarget, HTTPRequestFailure> {
        if target == "*" { return .success(RequestTarget(rawPath: "*", pathSegments: [], rawQuery: "", query: [])) }
        var originForm = Substring(target)
        if !target.hasPrefix("/") {
            let lowered = target.prefix(8).lowercased()
            let schemeLength = lowered.hasPrefix("http://") ? 7 : lowered.hasPrefix("https://") ? 8 : 0
            guard schemeLength > 0 else { return .failure(.malformed("The request target must be a path starting with '/'.")) }
            let afterAuthority = target.dropFirst(schemeLength)
            originForm = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" }).map { afterAuthority[$0...] } ?? "/"
            if originForm.hasPrefix("?") { originForm = "/" + originForm }
        }
        guard !originForm.contains("#") else { return .failure(.malformed("The request target must not contain a fragment.")) }
        let pathPart: Substring
        let queryPart: Substring
        if let mark = originForm.firstIndex(of: "?") {
            pathPart = originForm[..<mark]
            queryPart = originForm[originForm.index(after: mark)...]
        } else {
            pathPart = originForm
            queryPart = ""
        }
        var segments: [String] = []
        for segment in pathPart.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let decoded = PercentDecoding.decode(segment, plusIsSpace: false) else {
                return .failure(.malformed("The request path has an invalid percent-encoding."))
            }
            segments.append(decoded)
        }
        var query: [(name: String, value: String)] = []
        for pair in queryPart.utf8.split(separator: UInt8(ascii: "&")) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let name = PercentDecoding.decode(pair[..<(equals ?? pair.endIndex)], plusIsSpace: true)
            let value = equals.map { PercentDecoding.decode(pair[pair.index(after: $0)...], plusIsSpace: true) } ?? ""
            guard let name, let value else { return .failure(.malformed("The query string has an invalid percent-encoding.")) }
            query.append((name, value))
        }
        return .success(RequestTarget(rawPath: String(pathPart), pathSegments: segments, rawQuery: String(queryPart), query: query))
    }
}
