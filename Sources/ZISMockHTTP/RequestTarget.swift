import ZISMockBasics

/// The request target split into a decoded path and query (RFC 9112 §3.2). Origin form
/// (`/path?query`) is the norm; absolute form (`http://host/path`) is accepted from proxies and
/// reduced to its path; `*` is kept for `OPTIONS *`. Works on bytes: it runs for every request.
package struct RequestTarget {
    package var rawPath: String
    package var pathSegments: [String]
    package var rawQuery: String
    package var query: [(name: String, value: String)]

    package static func parse(_ target: String) -> Result<RequestTarget, HTTPRequestFailure> {
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
            let decodedAll = FormEncoding.forEachPart(of: segmentBytes, separatedBy: UInt8(ascii: "/")) { segment in
                guard let decoded = PercentDecoding.decode(segment, plusIsSpace: false) else { return false }
                segments.append(decoded)
                return true
            }
            guard decodedAll else { return .failure(.malformed("The request path has an invalid percent-encoding.")) }
        }
        guard let query = FormEncoding.pairs(queryBytes) else {
            return .failure(.malformed("The query string has an invalid percent-encoding."))
        }
        let rawPath = path.isEmpty ? "/" : String(decoding: path, as: UTF8.self)
        return .success(RequestTarget(
            rawPath: rawPath, pathSegments: segments, rawQuery: String(decoding: queryBytes, as: UTF8.self), query: query))
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
