import ZISMockBasics

/// Body framing and connection persistence from the headers, refusing every ambiguity a request
/// smuggler could exploit (RFC 9112 §6.3): repeated or conflicting lengths, length plus chunking,
/// codings other than chunked.
struct HTTPMessageFraming {
    var body: HTTPRequestHead.BodyFraming
    var keepAlive: Bool
    var expectsContinue: Bool

    static func derive(version: HTTPVersion, headers: HTTPHeaders, limits: HTTPLimits) -> Result<Self, HTTPRequestFailure> {
        // One pass over the fields, sorting the few that matter by name length before comparing text.
        var lengths: [String] = []
        var codings: [String] = []
        var connectionOptions: [String] = []
        var expectations: [String] = []
        var hostCount = 0
        for field in headers.fields {
            let name = field.name
            switch name.utf8.count {
            case 4 where name.equalsIgnoringASCIICase("Host"): hostCount += 1
            case 6 where name.equalsIgnoringASCIICase("Expect"): expectations.append(field.value)
            case 10 where name.equalsIgnoringASCIICase("Connection"): connectionOptions.append(field.value)
            case 14 where name.equalsIgnoringASCIICase("Content-Length"): lengths.append(field.value)
            case 17 where name.equalsIgnoringASCIICase("Transfer-Encoding"): codings.append(field.value)
            default: continue
            }
        }

        var body = HTTPRequestHead.BodyFraming.none
        if !codings.isEmpty {
            guard lengths.isEmpty else { return .failure(.malformed("Content-Length and Transfer-Encoding must not both be sent.")) }
            guard version == .http11 else { return .failure(.malformed("Transfer-Encoding is not allowed in HTTP/1.0.")) }
            let coding = codings.joined(separator: ",").trimmingASCIIBlanks()
            guard coding.equalsIgnoringASCIICase("chunked") else { return .failure(.unsupportedTransferCoding(coding)) }
            body = .chunked
        } else if let length = lengths.first {
            guard lengths.count == 1 else { return .failure(.malformed("Content-Length must be sent once.")) }
            guard !length.isEmpty, length.utf8.count <= 18, length.utf8.allSatisfy(\.isASCIIDigit), let value = Int(length) else {
                return .failure(.malformed("Content-Length is not a number."))
            }
            guard value <= limits.maxBodyBytes else { return .failure(.payloadTooLarge) }
            body = value > 0 ? .length(value) : .none
        }

        var keepAlive = version == .http11
        for option in connectionOptions.flatMap({ $0.split(separator: ",") }) {
            let token = option.trimmingASCIIBlanks()
            if token.equalsIgnoringASCIICase("close") { keepAlive = false }
            if token.equalsIgnoringASCIICase("keep-alive"), version == .http10 { keepAlive = true }
        }

        var expectsContinue = false
        if let expectation = expectations.first {
            guard expectations.count == 1, expectation.trimmingASCIIBlanks().equalsIgnoringASCIICase("100-continue") else {
                return .failure(.expectationFailed)
            }
            expectsContinue = true
        }

        if version == .http11, hostCount != 1 {
            return .failure(.malformed("HTTP/1.1 requests must carry exactly one Host header."))
        }
        return .success(HTTPMessageFraming(body: body, keepAlive: keepAlive, expectsContinue: expectsContinue))
    }
}
