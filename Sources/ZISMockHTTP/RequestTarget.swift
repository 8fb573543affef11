import Glibc
import ZISMockBasics

/// The request target split into a decoded path and query (RFC 9112 §3.2). Origin form
/// (`/path?query`) is the norm; absolute form (`http://host/path`) is accepted from proxies and
/// reduced to its path; `*` is kept for `OPTIONS *`. Works on bytes: it runs for every request.
package struct RequestTarget {
    /// The target as sent, with its raw path and query.
    package var raw: RawTarget
    package var pathSegments: [String]
    package var query: [(name: String, value: String)]

    /// `pathVocabulary`: the segments the routes are written with, handed out as those strings
    /// rather than decoded anew (`TextTable`).
    package static func parse(_ target: String, pathVocabulary: TextTable = .empty) -> Result<RequestTarget, HTTPRequestFailure> {
        var bytes = target
        return bytes.withUTF8 { parse(bytes: $0, of: target, pathVocabulary: pathVocabulary) }
    }

    /// `target` is `bytes` as a string, which the raw path and query are cut from when asked for.
    private static func parse(
        bytes: UnsafeBufferPointer<UInt8>, of target: String, pathVocabulary: TextTable
    ) -> Result<RequestTarget, HTTPRequestFailure> {
        if bytes.count == 1, bytes[0] == UInt8(ascii: "*") {
            return .success(RequestTarget(raw: RawTarget(path: "*"), pathSegments: [], query: []))
        }
        guard let pathStart = originFormStart(bytes) else {
            return .failure(.malformed("The request target must be a path starting with '/'."))
        }
        guard memchr(bytes.baseAddress!, Int32(UInt8(ascii: "#")), bytes.count) == nil else {
            return .failure(.malformed("The request target must not contain a fragment."))
        }
        let queryMark = bytes[pathStart...].firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
        let path = bytes[pathStart..<queryMark]
        let queryBytes = bytes[min(queryMark + 1, bytes.count)...]
        guard let segments = Self.segments(of: UnsafeBufferPointer(rebasing: path), vocabulary: pathVocabulary) else {
            return .failure(.malformed("The request path has an invalid percent-encoding."))
        }
        guard let query = FormEncoding.pairs(queryBytes) else {
            return .failure(.malformed("The query string has an invalid percent-encoding."))
        }
        return .success(RequestTarget(
            raw: RawTarget(text: target, pathStart: pathStart, pathEnd: queryMark), pathSegments: segments, query: query))
    }

    /// The path's segments between slashes, decoded; nil for a bad percent-encoding. Whether the
    /// path has escapes (or bytes beyond ASCII) is asked once, of all of it; the slashes are found
    /// with memchr, which looks at many bytes a step. A plain segment the routes are written with
    /// is handed out as their string (`TextTable`), any other plain one copied as it is.
    private static func segments(of path: UnsafeBufferPointer<UInt8>, vocabulary: TextTable) -> [String]? {
        guard let base = path.baseAddress, path.first == UInt8(ascii: "/") else { return [] }
        let plain = memchr(base, Int32(UInt8(ascii: "%")), path.count) == nil && isASCII(path)
        var segments: [String] = []
        // Room for the usual paths (ZIS's have up to 8 segments); a longer one grows the array.
        segments.reserveCapacity(8)
        var start = 1
        while true {
            let end = memchr(base + start, Int32(UInt8(ascii: "/")), path.count - start)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? path.count
            let segment = UnsafeBufferPointer(rebasing: path[start..<end])
            if plain {
                segments.append(vocabulary.text(of: UnsafeRawBufferPointer(segment)))
            } else {
                guard let decoded = PercentDecoding.decode(segment, plusIsSpace: false) else { return nil }
                segments.append(decoded)
            }
            guard end < path.count else { return segments }
            start = end + 1
        }
    }

    /// No byte at or above 0x80, eight bytes a step.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(base[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
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
