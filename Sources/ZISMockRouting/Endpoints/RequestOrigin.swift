import ZISDomain
import ZISMockBasics
import ZISMockHTTP

/// Where the client reached the mock.
enum RequestOrigin {
    /// `scheme://host` of the request: the request's `Host` (or `localhost` when absent [ours])
    /// and `https` when it came over TLS. Every URL the mock hands out is built on it (the OAuth
    /// `redirect_url`, the built-in `zendesk` client's URLs, `/api/v2` resource URLs), so none
    /// names the bind address (spec §1). Anything that is not a plausible `host[:port]` is
    /// refused, since it is copied into a URL.
    static func of(_ request: HTTPRequest) throws(ZISError) -> String {
        let scheme = request.isSecure ? "https" : "http"
        guard let host = request.headers["Host"], !host.isEmpty else { return "\(scheme)://localhost" }
        let isHostByte = { (byte: UInt8) in byte.isASCIIAlphanumeric || ".-_:[]".utf8.contains(byte) }
        guard host.utf8.count <= 255, host.utf8.allSatisfy(isHostByte) else {
            throw .badRequest(detail: "Host header is not a valid host name")
        }
        return "\(scheme)://\(host)"
    }
}
