import ZISMockBasics

/// Writes a response head: status line, Date, the response's own headers, Content-Length and
/// Connection. The body is never copied here; it goes out beside the head in the same `sendmsg`.
struct HTTPResponseEncoder {
    let dates: HTTPDateCache
    /// The loop's last head, reused while the same response repeats.
    var memo: ResponseHeadMemo?

    func head(for response: HTTPResponse, version: HTTPVersion, keepAlive: Bool) -> [UInt8] {
        let date = dates.dateLine()
        if let head = memo?.head(
            status: response.status, headers: response.headers, bodyCount: response.body.count, version: version,
            keepAlive: keepAlive, dateLine: date) {
            return head
        }
        let head = written(response, version: version, keepAlive: keepAlive, date: date)
        memo?.remember(
            head, status: response.status, headers: response.headers, bodyCount: response.body.count, version: version,
            keepAlive: keepAlive, dateLine: date)
        return head
    }

    private func written(_ response: HTTPResponse, version: HTTPVersion, keepAlive: Bool, date: [UInt8]) -> [UInt8] {
        let reason = StatusTable.reason(response.status)
        // Every piece is copied straight into a buffer sized once for the worst case; appending
        // piece by piece to an array costs more than the rest of answering a cached page.
        let fieldBytes = response.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
        let capacity = Self.fixedPartsBound + reason.utf8.count + date.count + fieldBytes
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var writer = HeadWriter(buffer: buffer)
            writer.writeLiteral(version == .http10 ? "HTTP/1.0 " : "HTTP/1.1 ")
            writer.writeDecimal(response.status)
            writer.writeLiteral(" ")
            writer.write(reason)
            writer.writeLiteral("\r\n")
            writer.write(date)
            for field in response.headers {
                writer.write(field.name)
                writer.writeLiteral(": ")
                writer.write(field.value)
                writer.writeLiteral("\r\n")
            }
            if !HTTPStatus.forbidsBody(response.status) {
                writer.writeLiteral("Content-Length: ")
                writer.writeDecimal(response.body.count)
                writer.writeLiteral("\r\n")
            }
            if !keepAlive {
                writer.writeLiteral("Connection: close\r\n")
            } else if version == .http10 {
                writer.writeLiteral("Connection: keep-alive\r\n")
            }
            writer.writeLiteral("\r\n")
            count = writer.count
        }
    }

    /// Status line without the reason, Content-Length, the longest Connection line and the blank line.
    private static let fixedPartsBound = 9 + 20 + 1 + 2 + 16 + 20 + 2 + 24 + 2
}

/// Copies bytes into a buffer the caller sized for everything written.
private struct HeadWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        precondition(count + bytes.count <= buffer.count, "response head larger than its bound")
        UnsafeMutableRawPointer(buffer.baseAddress! + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }

    mutating func write(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ write($0) }) == nil { write(Array(text.utf8)) }
    }

    mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    /// Literals go straight from the binary's constant data, with no String around them.
    mutating func writeLiteral(_ text: StaticString) {
        write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Digits without the String a `"\(n)"` interpolation would allocate.
    mutating func writeDecimal(_ value: Int) {
        var digits = 1
        var bound = 10
        while value >= bound, digits < 19 {
            digits += 1
            bound &*= 10
        }
        precondition(count + digits <= buffer.count, "response head larger than its bound")
        var rest = value
        for position in stride(from: count + digits - 1, through: count, by: -1) {
            buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
    }
}
