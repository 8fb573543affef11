import ZISDomain
import ZISMockBasics
import ZISMockHTTP

/// What the OAuth endpoints read from a request besides its body.
enum OAuthInputs {
    /// The callback's `?verification_code=`, required.
    static func verificationCode(_ query: [(name: String, value: String)]) throws(ZISError) -> String {
        guard let code = query.last(where: { $0.name == OAuthPaths.verificationCodeParameter })?.value, !code.isEmpty else {
            throw .badRequest(detail: "verification_code is required")
        }
        return code
    }

    /// `scheme://host` of the request, which the `redirect_url` is built on: the request's `Host`
    /// (or `localhost` when absent [ours]) and `https` when it came over TLS, so the URL never
    /// names the bind address (spec §1). Anything that is not a plausible `host[:port]` is
    /// refused, since it is copied into a URL.
    static func callbackBase(of request: HTTPRequest) throws(ZISError) -> String {
        let scheme = request.isSecure ? "https" : "http"
        guard let host = request.headers["Host"], !host.isEmpty else { return "\(scheme)://localhost" }
        let isHostByte = { (byte: UInt8) in byte.isASCIIAlphanumeric || ".-_:[]".utf8.contains(byte) }
        guard host.utf8.count <= 255, host.utf8.allSatisfy(isHostByte) else {
            throw .badRequest(detail: "Host header is not a valid host name")
        }
        return "\(scheme)://\(host)"
    }
}
