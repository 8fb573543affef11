/// The two versions the server speaks; anything else in a request line is refused with 505.
package enum HTTPVersion: Sendable, Equatable {
    case http10
    case http11
}
