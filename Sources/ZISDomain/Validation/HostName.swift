/// `allowed_domain` validation (spec §4 [ours]): a bare host name, i.e. dot-separated labels
/// of letters, digits and hyphens, 1–63 characters each, not starting or ending with a hyphen,
/// 253 characters at most. Wildcards, schemes, paths and ports are all rejected by the
/// character rule alone.
public enum HostName {
    public static let rule =
        "allowed_domain must be a bare host name (dot-separated labels of letters, digits and hyphens; no wildcard, scheme, path or port)"

    public static func isValid(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard (1...253).contains(utf8.count) else { return false }
        return utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy(isValidLabel)
    }

    private static func isValidLabel(_ label: Substring.UTF8View.SubSequence) -> Bool {
        guard (1...63).contains(label.count),
            label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
        else { return false }
        return label.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }
}
