import ZISMockBasics

/// Whether a client takes gzip, from `Accept-Encoding` with q-values (RFC 9110 §12.5.3):
/// `gzip` listed with q > 0, or not listed while `*` has q > 0.
enum AcceptEncoding {
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var gzip: Double?
        var wildcard: Double?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";")
            guard let name = parts.first?.trimmingASCIIBlanks() else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingASCIIBlanks().equalsIgnoringASCIICase("q") {
                    quality = Double(pair[1].trimmingASCIIBlanks()) ?? 0
                }
            }
            if name.equalsIgnoringASCIICase("gzip") || name.equalsIgnoringASCIICase("x-gzip") {
                gzip = max(gzip ?? 0, quality)
            } else if name == "*" {
                wildcard = quality
            }
        }
        if let gzip { return gzip > 0 }
        return (wildcard ?? 0) > 0
    }
}
