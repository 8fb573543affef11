import Glibc
import ZISMockBasics

/// The request target split into a decoded path and query (RFC 9112 §3.2). Origin form
/// (`/path?query`) is the norm; absolute form (`http://host/path`) is accepted from proxies and
/// reduced to its path; `*` is kept for `OPTIONS *`. Works on bytes: it runs for every request.
package struct RequestTarget {
    /// The target as sent, with its raw path and query.
    package var raw: RawTarget
    package var path: RequestPath
    package var query: [(name: String, value: String)]
    /// Made when the target is first repeated; nil for a target parsed once.
    package var memo: PathMemo?

    /// The path's segments as strings (the tests read them).
    package var pathSegments: [String] { path.segments }

    /// `previous` again when `target` is its text, else the new parse, which becomes `previous`:
    /// a client on a kept-alive connection often polls one URL, and the path and query took 800
    /// instructions to parse each time. In place, so a miss does not copy the previous parse.
    /// A repeated target gets its `memo`.
    package static func parse(_ target: String, repeating previous: inout RequestTarget?) -> Result<RequestTarget, HTTPRequestFailure> {
        if previous?.raw.text == target {
            if previous.unsafelyUnwrapped.memo == nil { previous!.memo = PathMemo() }
            return .success(previous.unsafelyUnwrapped)
        }
        let parsed = parse(target)
        if case .success(let new) = parsed { previous = new }
        return parsed
    }

    package static func parse(_ target: String) -> Result<RequestTarget, HTTPRequestFailure> {
        var bytes = target
        return bytes.withUTF8 { parse(bytes: $0, of: target) }
    }

    /// `target` is `bytes` as a string, which the raw path and query are cut from when asked for.
    private static func parse(bytes: UnsafeBufferPointer<UInt8>, of target: String) -> Result<RequestTarget, HTTPRequestFailure> {
        if bytes.count == 1, bytes[0] == UInt8(ascii: "*") {
            return .success(RequestTarget(raw: RawTarget(path: "*"), path: RequestPath(segments: []), query: []))
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
        guard let requestPath = Self.path(of: UnsafeBufferPointer(rebasing: path), in: target, at: pathStart) else {
            return .failure(.malformed("The request path has an invalid percent-encoding."))
        }
        guard let query = FormEncoding.pairs(queryBytes) else {
            return .failure(.malformed("The query string has an invalid percent-encoding."))
        }
        return .success(RequestTarget(
            raw: RawTarget(text: target, pathStart: pathStart, pathEnd: queryMark), path: requestPath, query: query))
    }

    /// The path of `target` (its bytes `path`, from offset `start`); nil for a bad
    /// percent-encoding. Whether the path has escapes (or bytes beyond ASCII) is asked once, of
    /// all of it: a plain path (the usual) is kept as the target's own bytes, a String made of
    /// none of its segments until a route asks for one.
    private static func path(of path: UnsafeBufferPointer<UInt8>, in target: String, at start: Int) -> RequestPath? {
        guard let base = path.baseAddress, path.first == UInt8(ascii: "/") else { return RequestPath(segments: []) }
        if memchr(base, Int32(UInt8(ascii: "%")), path.count) == nil && isASCII(path) {
            return RequestPath(plain: target, path: start..<(start + path.count))
        }
        var segments: [String] = []
        for segment in path.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let decoded = PercentDecoding.decode(segment, plusIsSpace: false) else { return nil }
            segments.append(decoded)
        }
        return RequestPath(segments: segments)
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
