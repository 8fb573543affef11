import ZISDomain

/// Renders the body of `GET …/connections/all` (spec §3): the page's window split back into
/// the four typed arrays, each in name order, followed by `meta`.
enum ConnectionListRenderer {
    /// Enough for a typical item, so a full page rarely reallocates the buffer.
    private static let estimatedBytesPerItem = 256
    private static let arrayKeys: [(ConnectionType, StaticString)] = [
        (.apiKey, "{\"api_key\":["),
        (.basicAuth, "],\"basic_auth\":["),
        (.bearerToken, "],\"bearer_token\":["),
        (.oauth, "],\"oauth\":["),
    ]

    static func render(_ page: CursorPage<Connection>) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 160 + page.elements.count * estimatedBytesPerItem)
        for (type, opening) in arrayKeys {
            writer.raw(opening)
            var first = true
            for connection in page.elements where connection.type == type {
                if !first { writer.raw(",") }
                first = false
                writer.connection(connection)
            }
        }
        writer.raw("],")
        writer.meta(of: page)
        writer.raw("}")
        return writer.bytes
    }
}
