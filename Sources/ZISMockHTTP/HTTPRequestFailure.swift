/// Why a request was refused before it reached the router. The connection closes after the answer,
/// because the stream can no longer be trusted to frame the next request.
package enum HTTPRequestFailure: Error, Equatable, Sendable {
    case malformed(String)
    case uriTooLong
    case headersTooLarge
    case payloadTooLarge
    case unsupportedTransferCoding(String)
    case unsupportedContentEncoding(String)
    case expectationFailed
    case versionNotSupported

    package var status: Int {
        switch self {
        case .malformed: 400
        case .uriTooLong: 414
        case .headersTooLarge: 431
        case .payloadTooLarge: 413
        case .unsupportedTransferCoding: 501
        case .unsupportedContentEncoding: 415
        case .expectationFailed: 417
        case .versionNotSupported: 505
        }
    }

    /// A sentence for the client: what was wrong with what it sent.
    package var detail: String {
        switch self {
        case .malformed(let reason): reason
        case .uriTooLong: "The request line is longer than the server accepts."
        case .headersTooLarge: "The request headers are larger than the server accepts."
        case .payloadTooLarge: "The request body is larger than the server accepts."
        case .unsupportedTransferCoding(let coding): "Transfer-Encoding '\(coding)' is not supported; only chunked is."
        case .unsupportedContentEncoding(let coding): "Content-Encoding '\(coding)' is not supported; send identity or gzip."
        case .expectationFailed: "Only 'Expect: 100-continue' is supported."
        case .versionNotSupported: "Only HTTP/1.0 and HTTP/1.1 are supported."
        }
    }
}
