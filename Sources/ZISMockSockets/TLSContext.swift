import CTLSShim

/// A server-side TLS configuration (OpenSSL `SSL_CTX`): TLS 1.2 and 1.3, ALPN `http/1.1`.
/// Immutable once made, so loops on any thread may start sessions from it.
package final class TLSContext: @unchecked Sendable {
    let context: OpaquePointer

    /// Certificate chain and private key from PEM files.
    package init(certificatePath: String, keyPath: String) throws(TLSError) {
        context = try Self.makeContext()
        // Once `context` is set, a throw still runs deinit, which frees it: no free here.
        guard zm_tls_context_use_pem(context, certificatePath, keyPath) == 0 else {
            throw TLSError("cannot use certificate \(certificatePath) with key \(keyPath)", openSSL: true)
        }
    }

    /// A fresh P-256 key and a self-signed certificate for `names` (host names or IP addresses,
    /// the first also its common name), written as PEM to `certificateOutput` so clients can trust it.
    package init(selfSignedFor names: [String], writingCertificateTo certificateOutput: String?) throws(TLSError) {
        precondition(!names.isEmpty, "a certificate needs at least one name")
        context = try Self.makeContext()
        let status = withCStrings(names) { zm_tls_context_use_self_signed(context, $0, Int32(names.count), certificateOutput) }
        guard status == 0 else {
            throw TLSError("cannot make a self-signed certificate for \(names.joined(separator: ", "))", openSSL: true)
        }
    }

    deinit {
        zm_tls_context_free(context)
    }

    private static func makeContext() throws(TLSError) -> OpaquePointer {
        guard let context = zm_tls_context_new() else { throw TLSError("cannot create a TLS context", openSSL: true) }
        return context
    }
}

/// A TLS set-up failure, with OpenSSL's own reason when it gave one.
package struct TLSError: Error, CustomStringConvertible, Sendable {
    package let description: String

    init(_ message: String, openSSL: Bool) {
        var reason = [CChar](repeating: 0, count: 256)
        if openSSL { zm_tls_last_error(&reason, reason.count) }
        let detail = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        description = detail.isEmpty ? message : "\(message): \(detail)"
    }
}

private func withCStrings<Result>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> Result) -> Result {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

import Glibc
