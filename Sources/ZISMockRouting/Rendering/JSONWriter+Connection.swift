import ZISDomain

extension JSONWriter {
    /// One connection object as the list shows it (spec §3): the listed keys of its type's schema,
    /// with `name` and the timestamps, in alphabetical order like every ZIS object. A secret is
    /// never read here, only its mask.
    mutating func connection(_ connection: Connection) {
        self.connection(connection, as: ConnectionRendering.listed(connection.type), owner: nil)
    }

    /// One OAuth connection as show answers it: every field of Zendesk's OAuth Connections JSON
    /// format [doc], `integration` and `zendesk_account_id` included.
    mutating func oauthConnectionDetail(_ connection: Connection, owner: ConnectionOwner) {
        self.connection(connection, as: ConnectionRendering.oauthDetail, owner: owner)
    }

    private mutating func connection(_ connection: Connection, as rendering: ConnectionRendering, owner: ConnectionOwner?) {
        for member in rendering.members {
            bytes.append(contentsOf: member.key)
            switch member.value {
            case .name: string(connection.name)
            case .createdAt: timestamp(connection.created)
            case .updatedAt: timestamp(connection.updated)
            case .masked: raw(Self.maskedSecret)
            case .field(let field): string(field.value(connection.payload))
            case .integration: string(owner?.integration ?? "")
            case .accountID: integer(owner?.accountID ?? 0)
            }
        }
        raw("}")
    }

    /// `{"<type>": {…}}`, the envelope of a single connection (spec §4).
    mutating func connectionEnvelope(_ connection: Connection) {
        raw("{")
        string(connection.type.rawValue)
        raw(":")
        self.connection(connection)
        raw("}")
    }
}

/// Who a shown connection belongs to: its integration and the Zendesk account.
struct ConnectionOwner: Sendable {
    let integration: String
    let accountID: Int
}

/// A type's rendered members worked out once from its `ConnectionSchema`: each key already as
/// the bytes `,"key":` (the first member's comma becomes the object's `{`), in output order.
struct ConnectionRendering: Sendable {
    enum Value: Sendable {
        case name, createdAt, updatedAt, masked, integration, accountID
        case field(ConnectionField)
    }

    let members: [(key: [UInt8], value: Value)]

    /// `detail`: every field, plus the owner's; otherwise only the listed fields.
    private init(_ schema: ConnectionSchema, detail: Bool) {
        var members: [(String, Value)] = [("name", .name)]
        if schema.hasTimestamps { members += [("created_at", .createdAt), ("updated_at", .updatedAt)] }
        members += schema.fields.filter { detail || $0.isListed }.map { ($0.key, $0.isSecret ? .masked : .field($0)) }
        if detail { members += [("integration", .integration), ("zendesk_account_id", .accountID)] }
        self.members = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.enumerated().map { index, member in
            (Array((index == 0 ? "{\"" : ",\"").utf8) + Array(member.0.utf8) + Array("\":".utf8), member.1)
        }
    }

    private static let all = ConnectionType.allCases.map { ConnectionRendering(ConnectionSchema.of($0), detail: false) }
    static let oauthDetail = ConnectionRendering(ConnectionSchema.of(.oauth), detail: true)

    static func listed(_ type: ConnectionType) -> ConnectionRendering {
        all[ConnectionType.allCases.firstIndex(of: type)!]
    }
}
