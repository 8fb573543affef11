/// A response header an error needs besides the standard ones (`Retry-After` on 429, `Allow` on 405).
public struct HeaderField: Sendable, Equatable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
