/// What the HTTP layer calls for every complete request, synchronously on the event loop's thread:
/// a hop to another queue per request is the cost that held Dispatch to 0.65–0.89× (socket-design.md).
package protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// The answer to bytes that never made a request (400, 413, 414, 431, 501, …). The HTTP layer
    /// knows the status; the responder chooses the body, so every error wears the same envelope.
    func respond(to failure: HTTPRequestFailure) -> HTTPResponse
}
