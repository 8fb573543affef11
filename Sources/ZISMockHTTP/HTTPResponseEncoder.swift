/// Writes a response head: status line, Date, the response's own headers, Content-Length and
/// Connection. The body is never copied here; it goes out beside the head in the same `sendmsg`.
struct HTTPResponseEncoder {
    let dates: HTTPDateCache

    func head(for response: HTTPResponse, version: HTTPVersion, keepAlive: Bool) -> [UInt8] {
        var head: [UInt8] = []
        head.reserveCapacity(160 + response.headers.count * 48)
        head.append(contentsOf: version == .http10 ? "HTTP/1.0 ".utf8 : "HTTP/1.1 ".utf8)
        appendDecimal(response.status, to: &head)
        head.append(.space)
        head.append(contentsOf: HTTPStatus.reason(response.status).utf8)
        head.append(contentsOf: "\r\n".utf8)
        head.append(contentsOf: dates.dateLine())
        for field in response.headers {
            head.append(contentsOf: field.name.utf8)
            head.append(contentsOf: ": ".utf8)
            head.append(contentsOf: field.value.utf8)
            head.append(contentsOf: "\r\n".utf8)
        }
        if !HTTPStatus.forbidsBody(response.status) {
            head.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.body.count, to: &head)
            head.append(contentsOf: "\r\n".utf8)
        }
        if !keepAlive {
            head.append(contentsOf: "Connection: close\r\n".utf8)
        } else if version == .http10 {
            head.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        head.append(contentsOf: "\r\n".utf8)
        return head
    }

    /// Digits without the String a `"\(n)"` interpolation would allocate.
    private func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
