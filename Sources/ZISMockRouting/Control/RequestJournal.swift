import ZISDomain
import ZISMockBasics
import ZISMockHTTP
import ZISMockLocking

/// One request the mock answered, as the journal shows it: redacted (spec §1). The secret fields
/// of JSON bodies are replaced when the entry is made; credential headers whenever `headers` is
/// read, because recording happens on every request and reading rarely: the entry keeps the
/// request's own header array, which the token registry's secrets are in memory beside anyway.
public struct JournalEntry: Sendable {
    /// Increasing from 1 for each server (and after a journal reset, continuing).
    public let id: Int
    /// When the answer was made, seconds since the epoch; formatted only when the journal is read,
    /// because recording happens on the hot path of every request.
    public let answeredAt: Double
    /// RFC 3339 UTC with milliseconds, when the answer was made.
    public var time: String { Timestamp.format(millisecondsSinceEpoch: Int64(answeredAt * 1000)) }
    public let method: String
    /// The path as sent (still percent-encoded), without the query.
    public var path: String { target.path }
    /// The query as sent, without `?`.
    public var query: String { target.query }
    let target: RawTarget
    /// With `Authorization`, `Cookie` and the other credential values masked.
    public var headers: [(name: String, value: String)] { RequestJournal.redacted(receivedHeaders) }
    /// As received; never shown.
    let receivedHeaders: HTTPHeaders
    /// The body as text with secret fields masked; nil when there was none or it was not JSON
    /// (then only its size is kept, since a body the mock cannot parse cannot be redacted).
    public let body: String?
    public let bodyBytes: Int
    /// True when `body` was cut at `RequestJournal.maximumBodyBytes`.
    public let bodyTruncated: Bool
    public let status: Int
    public let durationMicroseconds: Int
    /// The matched route's template; nil for 404 and 405 (unmatched requests).
    public let route: String?
    /// The route's `{integration}`, when it has one.
    public let integration: String?

    public var isUnmatched: Bool { route == nil }
}

/// Which journal entries a query wants; every nil field matches anything.
package struct JournalFilter: Sendable {
    package var method: String?
    /// A prefix of the path as sent.
    package var pathPrefix: String?
    package var integration: String?
    /// `404`, or a class such as `4xx`.
    package var status: String?
    /// true: only 404/405 (no route matched); false: only matched requests.
    package var unmatched: Bool?

    package init(method: String? = nil, pathPrefix: String? = nil, integration: String? = nil, status: String? = nil, unmatched: Bool? = nil) {
        self.method = method
        self.pathPrefix = pathPrefix
        self.integration = integration
        self.status = status
        self.unmatched = unmatched
    }

    /// From `?method=GET&path=/api/…&integration=…&status=4xx&unmatched=true`.
    package init(query: [(name: String, value: String)]) throws(ZISError) {
        for (name, value) in query {
            switch name {
            case "method": method = value
            case "path": pathPrefix = value
            case "integration": integration = value
            case "status":
                guard Self.statusPattern(value) != nil else {
                    throw .badRequest(detail: "status must be a status code such as 404 or a class such as 4xx")
                }
                status = value
            case "unmatched":
                guard value == "true" || value == "false" else { throw .badRequest(detail: "unmatched must be true or false") }
                unmatched = value == "true"
            default: throw .badRequest(detail: "unknown filter \(name) (expected method, path, integration, status, unmatched)")
            }
        }
    }

    func matches(_ entry: JournalEntry) -> Bool {
        if let method, method != entry.method { return false }
        if let pathPrefix, !entry.path.hasPrefix(pathPrefix) { return false }
        if let integration, integration != entry.integration { return false }
        if let status, let range = Self.statusPattern(status), !range.contains(entry.status) { return false }
        if let unmatched, unmatched != entry.isUnmatched { return false }
        return true
    }

    private static func statusPattern(_ text: String) -> ClosedRange<Int>? {
        if let code = Int(text), (100...599).contains(code) { return code...code }
        guard text.count == 3, text.hasSuffix("xx"), let digit = Int(text.prefix(1)), (1...5).contains(digit) else { return nil }
        return (digit * 100)...(digit * 100 + 99)
    }
}

/// The last `capacity` requests outside `/__admin/` (admin calls are not journaled: a test's
/// own control calls would otherwise crowd out what it wants to see). A ring buffer behind a
/// lock; recording costs one redaction and one append on the event loop's thread.
package final class RequestJournal: ExchangeObserver {
    /// Bodies are kept up to this size, so the journal's memory is bounded by entries × this
    /// plus the header limit, not by what clients send.
    package static let maximumBodyBytes = 16 * 1024
    /// The request header values replaced by `*****` after their scheme.
    /// Credentials in headers: schemes and tokens, the admin's session cookie and its CSRF token.
    static let redactedHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "X-CSRF-Token"]

    private struct Ring {
        var entries: [JournalEntry] = []
        /// Index of the oldest entry once the ring is full.
        var start = 0
        var nextID = 1
    }

    package let capacity: Int
    /// Requests kept unless configured otherwise (`--journal-size`).
    package static let defaultCapacity = 1000
    private let ring = Locked(Ring())

    package init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    package func observe(_ exchange: CompletedExchange) {
        guard capacity > 0 else { return }
        let request = exchange.request
        let (body, truncated) = Self.redactedBody(request.body)
        ring.withLock { ring in
            let entry = JournalEntry(
                id: ring.nextID, answeredAt: exchange.answeredAt, method: request.method, target: request.target,
                receivedHeaders: request.headers, body: body, bodyBytes: request.body.count, bodyTruncated: truncated,
                status: exchange.status, durationMicroseconds: exchange.durationMicroseconds, route: exchange.routeTemplate,
                integration: exchange.integration.isEmpty ? nil : exchange.integration)
            ring.nextID += 1
            if ring.entries.count < capacity {
                ring.entries.append(entry)
            } else {
                ring.entries[ring.start] = entry
                ring.start = (ring.start + 1) % capacity
            }
        }
    }

    /// In the page's order (oldest first by default), stopping at its limit: the newest 50 of
    /// 10,000 are found without filtering the rest.
    package func entries(matching filter: JournalFilter = JournalFilter(), page: JournalPage = JournalPage()) -> [JournalEntry] {
        let (entries, start) = ring.withLock { ($0.entries, $0.start) }
        let limit = page.limit ?? entries.count
        var found: [JournalEntry] = []
        found.reserveCapacity(min(limit, entries.count))
        for offset in 0..<entries.count {
            guard found.count < limit else { break }
            let position = page.order == .oldest ? offset : entries.count - 1 - offset
            let entry = entries[(start + position) % entries.count]
            if page.admits(entry), filter.matches(entry) { found.append(entry) }
        }
        return found
    }

    package func count(matching filter: JournalFilter = JournalFilter()) -> Int {
        ring.withLock { ring in ring.entries.reduce(0) { $0 + (filter.matches($1) ? 1 : 0) } }
    }

    package func removeAll() {
        ring.withLock { ring in
            ring.entries.removeAll(keepingCapacity: true)
            ring.start = 0
        }
    }

    /// The fields with credentials masked; the same array, not a copy, when none can carry any
    /// (a request without `Authorization`, such as every 401 for a missing token).
    static func redacted(_ headers: HTTPHeaders) -> [(name: String, value: String)] {
        guard redactedHeaders.contains(where: headers.mayContain) else { return headers.fields }
        // The element type is spelled out: unlabelled tuples here would cost a second copy of the array to add the labels.
        return headers.fields.map { field -> (name: String, value: String) in
            redactedHeaders.contains(where: field.name.equalsIgnoringASCIICase) ? (field.name, redactedCredentials(field.value)) : field
        }
    }

    /// `Bearer abc` → `Bearer *****`; a value without a scheme → `*****`.
    static func redactedCredentials(_ value: String) -> String {
        // On contiguous bytes, into a string built in place: this runs for most requests, and
        // slicing and concatenating Strings costs more than the rest of recording.
        let mask: StaticString = " *****"
        var value = value
        return value.withUTF8 { bytes in
            guard let start = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }),
                  let end = bytes[start...].firstIndex(of: UInt8(ascii: " "))
            else { return "*****" }
            return String(unsafeUninitializedCapacity: end - start + mask.utf8CodeUnitCount) { buffer in
                let afterScheme = buffer.initialize(fromContentsOf: bytes[start..<end])
                let maskBytes = UnsafeBufferPointer(start: mask.utf8Start, count: mask.utf8CodeUnitCount)
                return buffer[afterScheme...].initialize(fromContentsOf: maskBytes)
            }
        }
    }

    /// JSON bodies re-written with every secret field masked, then capped; anything else is not kept.
    static func redactedBody(_ body: [UInt8]) -> (String?, truncated: Bool) {
        guard !body.isEmpty, let value = try? JSONParser.parse(body) else { return (nil, false) }
        var writer = JSONWriter(reservingCapacity: body.count)
        writer.value(value, maskingKeys: SeedWriter.secretFields)
        guard writer.bytes.count > maximumBodyBytes else { return (String(decoding: writer.bytes, as: UTF8.self), false) }
        // Cut on a UTF-8 boundary: continuation bytes are 10xxxxxx.
        var end = maximumBodyBytes
        while end > 0, writer.bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return (String(decoding: writer.bytes[..<end], as: UTF8.self), true)
    }
}

extension JournalEntry {
    /// `{"id":…,"time":…,"method":…,"path":…,"query":…,"headers":{…},"body":…,"status":…,"duration_us":…,…}`
    func write(into writer: inout JSONWriter) {
        writer.raw("{\"id\":")
        writer.integer(id)
        writer.raw(",\"time\":")
        writer.string(time)
        writer.raw(",\"method\":")
        writer.string(method)
        writer.raw(",\"path\":")
        writer.string(path)
        writer.raw(",\"query\":")
        writer.string(query)
        writer.raw(",\"headers\":[")
        for (index, header) in headers.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("[")
            writer.string(header.name)
            writer.raw(",")
            writer.string(header.value)
            writer.raw("]")
        }
        writer.raw("],\"body\":")
        writer.stringOrNull(body)
        writer.raw(",\"body_bytes\":")
        writer.integer(bodyBytes)
        writer.raw(",\"body_truncated\":")
        writer.bool(bodyTruncated)
        writer.raw(",\"status\":")
        writer.integer(status)
        writer.raw(",\"duration_us\":")
        writer.integer(durationMicroseconds)
        writer.raw(",\"route\":")
        writer.stringOrNull(route)
        writer.raw(",\"integration\":")
        writer.stringOrNull(integration)
        writer.raw(",\"unmatched\":")
        writer.bool(isUnmatched)
        writer.raw("}")
    }
}
