import ZISDomain
import ZISMockHTTP

extension HTTPResponse {
    /// The one place a `ZISError` becomes bytes on the wire: the Zendesk envelope and its headers.
    package init(_ error: ZISError) {
        // Compared where they lie: `first(where:)` copied each refusal and its response out to
        // look at it (a generic tuple copy, 400 instructions for a 401).
        self = Self.renderedRefusals.withUnsafeBufferPointer { refusals in
            for index in refusals.indices where refusals[index].error == error { return refusals[index].response }
            return Self.rendering(error)
        }
    }

    private static func rendering(_ error: ZISError) -> HTTPResponse {
        .json(error.status, body(of: error), headers: error.headers.map { ($0.name, $0.value) })
    }

    /// `{"errors":[{"code":"…","title":"…"}]}`, compact, with `"detail"` after `title` only when set.
    static func body(of error: ZISError) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 64 + error.code.utf8.count + error.title.utf8.count + (error.detail?.utf8.count ?? 0))
        writer.raw("{\"errors\":[{\"code\":")
        writer.string(error.code)
        writer.raw(",\"title\":")
        writer.string(error.title)
        if let detail = error.detail {
            writer.raw(",\"detail\":")
            writer.string(detail)
        }
        writer.raw("}]}")
        return writer.bytes
    }

    /// The refusals of spec §2 that carry no detail, rendered once: a client without valid
    /// credentials gets them as fast as it can ask, and rendering the envelope each time cost more
    /// than finding them here.
    private static let renderedRefusals: [RenderedRefusal] =
        [ZISError.invalidCredentials, .apiTokenNotSupported, .invalidTokenLength, .integrationMismatch].map {
            RenderedRefusal(error: $0, response: rendering($0))
        }

    private struct RenderedRefusal {
        let error: ZISError
        let response: HTTPResponse
    }
}

extension ZISError {
    /// A path no route serves, or a path parameter outside what its route serves.
    static func noRoute(for request: HTTPRequest) -> ZISError {
        .notFound(detail: "No route for \(request.method) \(request.rawPath)")
    }

    /// Refusals from the HTTP layer, in the same envelope as every other error (spec §1).
    init(_ failure: HTTPRequestFailure) {
        switch failure {
        case .malformed(let reason): self = .badRequest(detail: reason)
        case .uriTooLong: self = .uriTooLong
        case .headersTooLarge: self = .headersTooLarge
        case .payloadTooLarge: self = .payloadTooLarge
        case .unsupportedTransferCoding: self = ZISError(status: 501, detail: failure.detail)
        case .unsupportedContentEncoding: self = ZISError(status: 415, detail: failure.detail)
        case .expectationFailed: self = ZISError(status: 417, detail: failure.detail)
        case .versionNotSupported: self = ZISError(status: 505, detail: failure.detail)
        }
    }
}
