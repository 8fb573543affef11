/// Writes a response head: status line, Date, the response's own headers, Content-Length and
/// Connection. The body is never copied here; it goes out beside the head in the same `sendmsg`.
struct HTTPResponseEncoder {
    let dates: HTTPDateCache

    func head(for response: HTTPResponse, version: HTTPVersion, keepAlive: Bool) -> [UInt8] {
        var head: [UInt8] = []
        head.reserveCapacity(192 + response.headers.count * 48)
        head.append(contentsOf: version == .http10 ? "HTTP/1.0 ".utf8 : "HTTP/1.1 ".utf8)
        head.append(contentsOf: "\(response.status) \(HTTPStatus.reason(response.status))\r\n".utf8)
        head.append(contentsOf: dates.dateLine())
        for field in response.headers {
            head.append(contentsOf: field.name.utf8)
            head.append(contentsOf: ": ".utf8)
            head.append(contentsOf: field.value.utf8)
            head.append(contentsOf: "\r\n".utf8)
        }
        if !HTTPStatus.forbidsBody(response.status) {
            head.append(contentsOf: "Content-Length: \(response.body.count)\r\n".utf8)
        }
        if !keepAlive {
            head.append(contentsOf: "Connection: close\r\n".utf8)
        } else if version == .http10 {
            head.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        head.append(contentsOf: "\r\n".utf8)
        return head
    }
}
