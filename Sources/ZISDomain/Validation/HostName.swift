import ZISMockBasics

/// `allowed_domain` validation (spec §4 [ours]): a bare host name, i.e. dot-separated labels
/// of letters, digits and hyphens, 1–63 characters each, not starting or ending with a hyphen,
/// 253 characters at most. Wildcards, schemes, paths and ports are all rejected by the
/// character rule alone.
package enum HostName {
    package static let rule =
        "allowed_domain must be a bare host name (dot-separated labels of letters, digits and hyphens; no wildcard, scheme, path or port)"

    /// One pass over the bytes, allocating nothing: a big seed checks one domain per connection.
    package static func isValid(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard (1...253).contains(utf8.count) else { return false }
        var labelLength = 0
        var previous: UInt8 = UInt8(ascii: ".")
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "."):
                guard labelLength > 0, previous != UInt8(ascii: "-") else { return false }
                labelLength = 0
            case UInt8(ascii: "-"):
                guard labelLength > 0 else { return false }
                labelLength += 1
            default:
                guard byte.isASCIIAlphanumeric else { return false }
                labelLength += 1
            }
            guard labelLength <= 63 else { return false }
            previous = byte
        }
        return labelLength > 0 && previous != UInt8(ascii: "-")
    }
}
