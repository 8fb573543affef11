import ZISMockBasics

/// gzip for response bodies above a threshold, when the client asks for it. The same cached page
/// goes out thousands of times, so each loop remembers the compressed form of the bodies it sent
/// most recently; an entry holds its source array, so its storage cannot be reused while cached.
final class ResponseCompression {
    private let threshold: Int
    private var recent: [(source: [UInt8], compressed: [UInt8])] = []
    private let capacity = 16
    private static let vary = (name: "Vary", value: "Accept-Encoding")
    /// The usual answer's one header with `Vary` after it, made once: appending to the shared
    /// one-element array would copy it, an allocation on every compressible response.
    private static let jsonHeadersWithVary = [HTTPResponse.jsonContentType, vary]

    init(threshold: Int) {
        self.threshold = threshold
    }

    func apply(to response: inout HTTPResponse, acceptEncoding: String?) {
        guard response.body.count >= threshold, !HTTPStatus.forbidsBody(response.status),
              !response.headers.contains(where: { $0.name.equalsIgnoringASCIICase("Content-Encoding") })
        else { return }
        if response.headers.count == 1, response.headers[0] == HTTPResponse.jsonContentType {
            response.headers = Self.jsonHeadersWithVary
        } else {
            response.headers.append(Self.vary)
        }
        guard AcceptEncoding.acceptsGzip(acceptEncoding), let compressed = compressed(response.body) else { return }
        response.headers.append(("Content-Encoding", "gzip"))
        response.body = compressed
    }

    private func compressed(_ body: [UInt8]) -> [UInt8]? {
        if let hit = recent.firstIndex(where: { sharesStorage($0.source, body) }) { return recent[hit].compressed }
        guard let compressed = Gzip.compress(body) else { return nil }
        if recent.count == capacity { recent.removeFirst() }
        recent.append((body, compressed))
        return compressed
    }

    private func sharesStorage(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { $0.baseAddress == x.baseAddress } }
    }
}
