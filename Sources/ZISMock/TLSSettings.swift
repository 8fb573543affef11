import ZISMockSockets

/// HTTPS for the mock: which certificate, and whether it takes over the main port or adds one.
public struct TLSSettings: Sendable {
    public enum Certificate: Sendable {
        /// PEM certificate chain and private key.
        case files(certificate: String, key: String)
        /// Made at start-up for these names (host names or IP addresses); the certificate is
        /// written as PEM to `writeTo`, if given, so test clients can trust it.
        case selfSigned(names: [String], writeTo: String?)
    }

    public var certificate: Certificate
    /// nil: the main port speaks HTTPS. A port (0 for any free one): HTTPS there, plain HTTP on the main port.
    public var port: UInt16?

    public init(certificate: Certificate, port: UInt16? = nil) {
        self.certificate = certificate
        self.port = port
    }

    /// Names a self-signed certificate always covers, so `https://localhost` and `https://127.0.0.1` verify.
    public static let defaultNames = ["localhost", "127.0.0.1", "::1"]

    func makeContext() throws(TLSError) -> TLSContext {
        switch certificate {
        case .files(let certificate, let key): try TLSContext(certificatePath: certificate, keyPath: key)
        case .selfSigned(let names, let output): try TLSContext(selfSignedFor: names, writingCertificateTo: output)
        }
    }
}
