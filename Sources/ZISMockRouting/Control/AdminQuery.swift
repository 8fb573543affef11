import ZISDomain

/// Typed reads of admin query parameters, with 400s that name the parameter.
enum AdminQuery {
    /// `limit`, `offset`: digits giving 0 or more.
    static func count(_ value: String, _ name: String) throws(ZISError) -> Int {
        guard let number = Int(value), number >= 0 else { throw .badRequest(detail: "\(name) must be a whole number from 0") }
        return number
    }

    /// `before`, `after`: a journal entry's id.
    static func requestID(_ value: String, _ name: String) throws(ZISError) -> Int {
        guard let id = Int(value) else { throw .badRequest(detail: "\(name) must be a request id (a whole number)") }
        return id
    }
}
