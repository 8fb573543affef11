import ZISDomain

extension JSONWriter {
    /// One connection object as the API shows it (spec §3): the keys of its type's schema, with
    /// `name` and the timestamps, in alphabetical order like every ZIS object. A secret is never
    /// read here, only its mask.
    mutating func connection(_ connection: Connection) {
        for member in ConnectionRendering.of(connection.type).members {
            bytes.append(contentsOf: member.key)
            switch member.value {
            case .name: string(connection.name)
            case .createdAt: timestamp(connection.created)
            case .updatedAt: timestamp(connection.updated)
            case .masked: raw(Self.maskedSecret)
            case .field(let field): string(field.value(connection.payload))
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

/// A type's rendered members worked out once from its `ConnectionSchema`: each key already as
/// the bytes `,"key":` (the first member's comma becomes the object's `{`), in output order.
struct ConnectionRendering: Sendable {
    enum Value: Sendable {
        case name, createdAt, updatedAt, masked
        case field(ConnectionField)
    }

    let members: [(key: [UInt8], value: Value)]

    private init(_ schema: ConnectionSchema) {
        var members: [(String, Value)] = [("name", .name)]
        if schema.hasTimestamps { members += [("created_at", .createdAt), ("updated_at", .updatedAt)] }
        members += schema.fields.map { ($0.key, $0.isSecret ? .masked : .field($0)) }
        self.members = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.enumerated().map { index, member in
            (Array((index == 0 ? "{\"" : ",\"").utf8) + Array(member.0.utf8) + Array("\":".utf8), member.1)
        }
    }

    private static let all = ConnectionType.allCases.map { ConnectionRendering(ConnectionSchema.of($0)) }

    static func of(_ type: ConnectionType) -> ConnectionRendering {
        all[ConnectionType.allCases.firstIndex(of: type)!]
    }
}
