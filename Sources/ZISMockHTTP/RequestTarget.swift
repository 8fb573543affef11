import ZISMockBasics

/// The request target split into a decoded path and query (RFC 9112 §3.2). Origin form
/// (`/path?query`) is the norm; absolute form (`http://host/path`) is accepted from proxies and
/// reduced to its path; `*` is kept for `OPTIONS *`. Works on bytes: it runs for every request.
struct RequestTarget {
    var rawPath: String
    var pathSegments: [String]
    var rawQuery: String
    var query: [(name: String, value: String)]

    static func parse(_ target: String) -> Result<RequestTarget, HTTPRequestFailure> {
        var target = target
        return target.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Result<RequestTarget, HTTPRequestFailure> {
        if bytes.count == 1, bytes[0] == UInt8(ascii: "*") {
            return .success(RequestTarget(rawPath: "*", pathSegments: [], rawQuery: "", query: []))
        }
        guard let pathStart = originFormStart(bytes) else {
            return .failure(.malformed("The request target must be a path starting with '/'."))
        }
        guard !bytes.contains(UInt8(ascii: "#")) else { return .failure(.malformed("The request target must not contain a fragment.")) }
        let queryMark = bytes[pathStart...].firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
        let path = bytes[pathStart..<queryMark]
        let queryBytes = bytes[min(queryMark + 1, bytes.count)...]

        // Split by hand into arrays sized up front: `split` would build an array of slices first,
        // and appending to an empty array reallocates at every doubling, on every request.
        var segments: [String] = []
        if path.first == UInt8(ascii: "/") {
            let segmentBytes = path.dropFirst()
            segments.reserveCapacity(segmentBytes.count { $0 == UInt8(ascii: "/") } + 1)
            let decodedAll = forEachPart(of: segmentBytes, separatedBy: UInt8(ascii: "/")) { segment in
                guard let decoded = PercentDecoding.decode(segment, plusIsSpace: false) else { return false }
                segments.append(decoded)
                return true
            }
            guard decodedAll else { return .failure(.malformed("The request path has an invalid percent-encoding.")) }
        }
        var query: [(name: String, value: String)] = []
        query.reserveCapacity(queryBytes.isEmpty ? 0 : queryBytes.count { $0 == UInt8(ascii: "&") } + 1)
        let decodedAll = forEachPart(of: queryBytes, separatedBy: UInt8(ascii: "&")) { pair in
            guard !pair.isEmpty else { return true }  // `a&&b`: empty pairs are skipped
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let name = PercentDecoding.decode(pair[..<(equals ?? pair.endIndex)], plusIsSpace: true)
            let value = equals.map { PercentDecoding.decode(pair[($0 + 1)...], plusIsSpace: true) } ?? ""
            guard let name, let value else { return false }
            query.append((name, value))
            return true
        }
        guard decodedAll else { return .failure(.malformed("The query string has an invalid percent-encoding.")) }
        let rawPath = path.isEmpty ? "/" : String(decoding: path, as: UTF8.self)
        return .success(RequestTarget(
            rawPath: rawPath, pathSegments: segments, rawQuery: String(decoding: queryBytes, as: UTF8.self), query: query))
    }

    /// Calls `body` with each run of bytes between separators (empty runs included), in order,
    /// until it returns false; returns false if it did.
    private static func forEachPart(
        of bytes: Slice<UnsafeBufferPointer<UInt8>>, separatedBy separator: UInt8, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool
    ) -> Bool {
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: separator) ?? bytes.endIndex
            guard body(bytes[start..<end]) else { return false }
            guard end < bytes.endIndex else { return true }
            start = end + 1
        }
    }

    /// Where the path begins: 0 in origin form, after the authority in absolute form.
    private static func originFormStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if bytes.first == UInt8(ascii: "/") { return 0 }
        let schemeLength: Int
        if startsCaseInsensitively(bytes, with: "http://") {
            schemeLength = 7
        } else if startsCaseInsensitively(bytes, with: "https://") {
            schemeLength = 8
        } else {
            return nil
        }
        return bytes[schemeLength...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? bytes.count
    }

    private static func startsCaseInsensitively(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: StaticString) -> Bool {
        guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
        for index in 0..<prefix.utf8CodeUnitCount where bytes[index].asciiLowercased != prefix.utf8Start[index] { return false }
        return true
    }
}
