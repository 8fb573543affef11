import ZISMockBasics

/// Request bodies sent with `Content-Encoding: gzip` are inflated before routing, with the body
/// limit applied to the inflated size, so a small gzip bomb gets 413 instead of memory.
enum RequestBodyEncoding {
    static func decode(_ body: [UInt8], contentEncoding: String?, limit: Int) -> Result<[UInt8], HTTPRequestFailure> {
        guard let coding = contentEncoding?.trimmingASCIIBlanks(), !coding.isEmpty, !coding.equalsIgnoringASCIICase("identity") else {
            return .success(body)
        }
        guard coding.equalsIgnoringASCIICase("gzip") || coding.equalsIgnoringASCIICase("x-gzip") else {
            return .failure(.unsupportedContentEncoding(coding))
        }
        do {
            return .success(try Gzip.decompress(body, limit: limit))
        } catch .tooLarge {
            return .failure(.payloadTooLarge)
        } catch {
            return .failure(.malformed("The request body is not valid gzip."))
        }
    }
}
