/// What the status of a response means for its framing; reason phrases are `StatusTable`'s.
enum HTTPStatus {
    /// RFC 9110 §8.6: these never carry a body or a Content-Length.
    static func forbidsBody(_ status: Int) -> Bool {
        (100..<200).contains(status) || status == 204 || status == 304
    }
}
