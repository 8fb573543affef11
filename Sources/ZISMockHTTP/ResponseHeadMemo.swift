/// The last response head a loop wrote and what it was made of. A head is a function of the
/// status, the header list, the body's length, the version, keep-alive and the Date line; when all
/// of them are the very same values as last time, the bytes are too, and they are handed out
/// again instead of written anew. The cached page and the pre-rendered refusals are answered with
/// one shared header array and one body each, so a run of them, the usual load on a mock, writes
/// its head once a second (the Date line); any other answer costs one comparison more.
/// "The very same" is identity of the arrays' storage, which the memo holds on to, so it cannot
/// be freed and reused for other contents while remembered. One per event loop, so no lock.
final class ResponseHeadMemo {
    private var status = -1
    private var headers: [(name: String, value: String)] = []
    private var bodyCount = -1
    private var version = HTTPVersion.http11
    private var keepAlive = false
    private var dateLine: [UInt8] = []
    private var head: [UInt8] = []

    func head(
        status: Int, headers: [(name: String, value: String)], bodyCount: Int, version: HTTPVersion, keepAlive: Bool,
        dateLine: [UInt8]
    ) -> [UInt8]? {
        guard status == self.status, bodyCount == self.bodyCount, version == self.version, keepAlive == self.keepAlive,
              Self.sameStorage(dateLine, self.dateLine), Self.sameStorage(headers, self.headers)
        else { return nil }
        return head
    }

    func remember(
        _ head: [UInt8], status: Int, headers: [(name: String, value: String)], bodyCount: Int, version: HTTPVersion,
        keepAlive: Bool, dateLine: [UInt8]
    ) {
        (self.head, self.status, self.headers, self.bodyCount) = (head, status, headers, bodyCount)
        (self.version, self.keepAlive, self.dateLine) = (version, keepAlive, dateLine)
    }

    private static func sameStorage<Element>(_ a: [Element], _ b: [Element]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { $0.baseAddress == x.baseAddress } }
    }
}
