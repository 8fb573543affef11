/// The subdomain placeholder of a client's `auth_url`/`token_url`, which a flow's
/// `oauth_url_subdomain` fills [doc: "used to interpolate the subdomain placeholder in the OAuth
/// provider's authorization or token URL"]. Zendesk's pages do not spell the placeholder; both
/// `{{subdomain}}` (as its Postman variables) and `{subdomain}` (as its URL templates) are taken [ours].
package enum OAuthURLTemplate {
    static let placeholders = ["{{subdomain}}", "{subdomain}"]

    /// `url` with every placeholder replaced by `subdomain`.
    package static func interpolate(_ url: String, subdomain: String) -> String {
        var result = url
        for placeholder in placeholders { result = result.replacingAll(placeholder, with: subdomain) }
        return result
    }
}

extension String {
    /// Every occurrence of `target` replaced (the domain has no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        let bytes = Array(utf8), pattern = Array(target.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + pattern.count <= bytes.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                output += replacement.utf8
                index += pattern.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
