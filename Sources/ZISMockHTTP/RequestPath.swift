import Glibc

/// The request path as its segments between slashes, percent-decoded (`/a/b%20c` → `a`, `b c`),
/// kept as bytes: routing compares them with its templates' literals and makes a String only of
/// the segments a route takes as parameters. (A String per segment was a sixth of a 401.)
package struct RequestPath: Sendable {
    private enum Storage: Sendable {
        /// No segment (`*`, or a target without a path).
        case none
        /// Nothing to decode: the segments are the bytes of `text` in `path`, which starts with its `/`.
        case plain(text: String, path: Range<Int>)
        /// Decoded segments, one after another in `text`, each ending at its offset in `ends`.
        case decoded(text: String, ends: [Int])
    }

    private let storage: Storage

    /// A path whose segments are `text`'s bytes in `path` (which starts with `/`) as they are.
    init(plain text: String, path: Range<Int>) {
        storage = .plain(text: text, path: path)
    }

    /// A path of already decoded segments (`["a", "b c"]` for `/a/b%20c`); none for `[]`.
    package init(segments: [String]) {
        guard !segments.isEmpty else {
            storage = .none
            return
        }
        var ends: [Int] = []
        var end = 0
        for segment in segments {
            end += segment.utf8.count
            ends.append(end)
        }
        storage = .decoded(text: segments.joined(), ends: ends)
    }

    /// The segments as strings, for what is not on every request's path (tests, fault matching).
    package var segments: [String] {
        var strings: [String] = []
        withSegments { segments in strings = (0..<segments.count).map(segments.string) }
        return strings
    }

    /// Calls `body` with the segments' bytes, which are valid only inside it. Not generic, so
    /// the router's call needs no specialization across modules (unspecialized, it cost more
    /// than the strings it saves).
    package func withSegments(_ body: (Segments) -> Void) {
        switch storage {
        case .none:
            body(Segments(base: nil, segments: UnsafeBufferPointer(start: nil, count: 0)))
        case .plain(var text, let path):
            text.withUTF8 { utf8 in
                let bytes = UnsafeBufferPointer(rebasing: utf8[path])
                // Room on the stack for a usual path's segments; a path of more is split again
                // with room for all it can have (a segment per byte).
                func split(room: Int) -> Bool {
                    withUnsafeTemporaryAllocation(of: Segments.Segment.self, capacity: room) { segments in
                        guard let count = Self.split(bytes, into: segments) else { return false }
                        body(Segments(base: bytes.baseAddress, segments: UnsafeBufferPointer(rebasing: segments[..<count])))
                        return true
                    }
                }
                if !split(room: Self.usualSegmentCount) { _ = split(room: path.count) }
            }
        case .decoded(var text, let ends):
            text.withUTF8 { utf8 in
                withUnsafeTemporaryAllocation(of: Segments.Segment.self, capacity: ends.count) { segments in
                    for (index, end) in ends.enumerated() {
                        let start = index == 0 ? 0 : ends[index - 1]
                        (segments.baseAddress! + index).initialize(to: Segments.Segment(in: utf8, start: start, count: end - start))
                    }
                    body(Segments(base: utf8.baseAddress, segments: UnsafeBufferPointer(segments)))
                }
            }
        }
    }

    /// ZIS's paths have up to eight segments.
    private static let usualSegmentCount = 16

    /// The segments of `path` (which starts with `/`), relative to its first byte, written from
    /// the start of `segments`; returns how many there are, or nil when they do not fit. The
    /// slashes are found with memchr, which looks at many bytes a step.
    private static func split(_ path: UnsafeBufferPointer<UInt8>, into segments: UnsafeMutableBufferPointer<Segments.Segment>) -> Int? {
        let base = path.baseAddress!
        var count = 0
        var start = 1
        while true {
            guard count < segments.count else { return nil }
            let end = start < path.count
                ? memchr(base + start, Int32(UInt8(ascii: "/")), path.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                    ?? path.count
                : path.count
            (segments.baseAddress! + count).initialize(to: Segments.Segment(in: path, start: start, count: end - start))
            count += 1
            guard end < path.count else { return count }
            start = end + 1
        }
    }

    /// The segments' bytes, borrowed for the length of `withSegments`.
    package struct Segments {
        struct Segment {
            let start: Int
            let count: Int
            /// The first eight bytes as one integer (`Segments.prefix`).
            let prefix: UInt64

            init(in bytes: UnsafeBufferPointer<UInt8>, start: Int, count: Int) {
                self.start = start
                self.count = count
                prefix = Segments.prefix(of: bytes, start: start, count: count)
            }
        }

        private let base: UnsafePointer<UInt8>?
        private let segments: UnsafeBufferPointer<Segment>

        fileprivate init(base: UnsafePointer<UInt8>?, segments: UnsafeBufferPointer<Segment>) {
            self.base = base
            self.segments = segments
        }

        package var count: Int { segments.count }

        package subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: base.map { $0 + segments[index].start }, count: segments[index].count)
        }

        package func string(_ index: Int) -> String {
            String(decoding: self[index], as: UTF8.self)
        }

        /// Segment `index`'s first eight bytes as one integer, which tells most segments from a
        /// literal without comparing bytes (`RouteTree`).
        package func prefix(_ index: Int) -> UInt64 { segments[index].prefix }

        /// The first eight (or fewer) of the `count` bytes at `start`, the first lowest, zero-padded:
        /// one load when eight bytes of `bytes` follow `start`, as they do for all but a path's end.
        package static func prefix(of bytes: UnsafeBufferPointer<UInt8>, start: Int, count: Int) -> UInt64 {
            if start + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self))
                return count >= 8 ? word : word & (1 << (8 * UInt64(count)) - 1)
            }
            var prefix: UInt64 = 0
            for index in 0..<min(count, 8) { prefix |= UInt64(bytes[start + index]) << (8 * index) }
            return prefix
        }

        /// Whether segment `index` is these bytes, given that their first eight are the same.
        package func segment(_ index: Int, endsLike bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let segment = self[index]
            return segment.count == bytes.count
                && (bytes.count <= 8 || memcmp(segment.baseAddress! + 8, bytes.baseAddress! + 8, bytes.count - 8) == 0)
        }
    }
}
