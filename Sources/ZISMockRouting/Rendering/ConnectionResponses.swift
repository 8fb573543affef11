import ZISDomain

/// Bodies of the connection endpoints (spec §3–5).
enum ConnectionResponses {
    /// `{"<type>": {…}}` with the fields of spec §3, secrets masked.
    @Sendable static func envelope(_ connection: Connection) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 320)
        writer.connectionEnvelope(connection)
        return writer.bytes
    }
}
