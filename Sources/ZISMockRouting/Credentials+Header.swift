import ZISDomain
import ZISMockBasics
import ZISMockHTTP

extension Credentials {
    /// The cookie a signed-in Zendesk browser sends [doc]; its value is matched against the seeded admins'.
    static let sessionCookie = "_zendesk_session"

    /// What a request presents: its `Authorization` header, else an admin's browser session
    /// (`_zendesk_session` cookie, with `X-CSRF-Token`).
    init(of request: HTTPRequest) {
        if let header = request.headers["Authorization"] {
            self.init(authorizationHeader: header)
        } else if let session = request.headers.values("Cookie").lazy.compactMap({ Self.cookie(Self.sessionCookie, in: $0) }).first {
            self = .session(cookie: session, csrfToken: request.headers["X-CSRF-Token"])
        } else {
            self = .none
        }
    }

    /// The value of cookie `name` in a `Cookie` header (RFC 6265 §5.4: `name=value; name2=value2`).
    private static func cookie(_ name: String, in header: String) -> String? {
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, String(parts[0]).trimmingASCIIBlanks() == name { return String(parts[1]).trimmingASCIIBlanks() }
        }
        return nil
    }

    /// An `Authorization` header value split into scheme and credentials. The scheme is matched
    /// case-insensitively (RFC 9110 §11.1); surrounding whitespace is not part of the token.
    init(authorizationHeader headerValue: String?) {
        guard let headerValue else {
            self = .none
            return
        }
        // Over contiguous bytes: this runs for every request, and the generic UTF-8 view's
        // iterators cost several times more per byte.
        self = headerValue.utf8.withContiguousStorageIfAvailable { Credentials(bytes: $0) }
            ?? Credentials(bytes: Array(headerValue.utf8))
    }

    private init<Bytes: BidirectionalCollection<UInt8>>(bytes: Bytes) {
        let trimmed = bytes.trimmingASCIIBlanks()
        guard !trimmed.isEmpty else {
            self = .none
            return
        }
        let schemeEnd = trimmed.firstIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } ?? trimmed.endIndex
        let scheme = trimmed[trimmed.startIndex..<schemeEnd]
        if scheme.equalsIgnoringASCIICase(letters: "bearer") {
            let token = trimmed[schemeEnd...].trimmingASCIIBlanks()
            self = .bearer(token: String(decoding: token, as: UTF8.self))
        } else if scheme.equalsIgnoringASCIICase(letters: "basic") {
            // `user:password` in base64 (RFC 7617); the user may not contain a colon, the password may.
            let decoded = Base64.decode(trimmed[schemeEnd...].trimmingASCIIBlanks()).map { String(decoding: $0, as: UTF8.self) }
            if let decoded, let colon = decoded.firstIndex(of: ":") {
                self = .basic(user: String(decoded[..<colon]), password: String(decoded[decoded.index(after: colon)...]))
            } else {
                self = .basic(user: nil, password: nil)
            }
        } else {
            self = .otherScheme
        }
    }
}
