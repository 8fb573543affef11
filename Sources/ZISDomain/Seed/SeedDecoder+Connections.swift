/// The part of a seed that can be a million objects: an integration's `connections`, read field
/// by field from the scanner with no tree, no per-connection dictionary and no path strings (a
/// path is spelled out only for an error).
extension SeedDecoder {
    /// One field of a connection object as read: its text, or the type it had instead.
    private struct FieldValue {
        let text: String?
        let typeDescription: String
        let position: SourcePosition
    }

    /// What reading a connection reuses from the ones before it.
    private struct Scratch {
        /// Slots by position in the schema's keys, cleared for each connection, so that reading
        /// one allocates no working arrays.
        var fields: [FieldValue?]
        var texts: [String?]
        /// The connections of a seed mostly share a few domains. One equal to the last accepted
        /// is not checked again and shares its storage (past 15 bytes, a String is a heap block).
        var lastDomain: String?

        init(slots: Int) {
            fields = Array(repeating: nil, count: slots)
            texts = Array(repeating: nil, count: slots)
        }
    }

    /// Where each connection came from, for the duplicate-name check, kept only while decoding.
    private struct Origin {
        let type: ConnectionType
        let index: Int
        let namePosition: SourcePosition
    }

    /// All four types of one integration, in document order (copying a million connections into
    /// name order here cost a tenth of a load), with their positions in name order, which the
    /// store builds its index from. Names are unique across the four types (spec §3 [doc]).
    mutating func decodeConnections(
        path: String, depth: Int
    ) throws(SeedError) -> (connections: [Connection], nameOrder: [Int]) {
        var connections: [Connection] = []
        var origins: [Origin] = []
        let allowed = AllowedKeys(ConnectionType.allCases.map(\.rawValue))
        var lastDomain: String?
        _ = try readObject(path: path, depth: depth, allowed: allowed) { decoder, key, _ throws(SeedError) in
            let type = ConnectionType.allCases[key]
            let schema = ConnectionSeedSchema.of(type)
            let arrayPath = "\(path).\(type.rawValue)"
            try decoder.enterArray(path: arrayPath, depth: depth + 1)
            var scratch = Scratch(slots: schema.keys.names.count)
            scratch.lastDomain = lastDomain
            defer { lastDomain = scratch.lastDomain }
            var index = 0
            while try decoder.nextElement(afterElement: index > 0) {
                let connection = try decoder.decodeConnection(
                    schema: schema, scratch: &scratch, path: "\(arrayPath)[\(index)]", depth: depth + 2)
                connections.append(connection)
                origins.append(Origin(type: type, index: index, namePosition: scratch.fields[0]!.position))
                index += 1
            }
        }
        let nameOrder = try checkUniqueNames(connections, origins: origins, path: path)
        return (connections, nameOrder)
    }

    /// Reads one connection object into `scratch` (`name` is the first slot), then checks it in the
    /// order the rules are listed: required fields, their types, the name, the domain, the other
    /// fields' rules (`ConnectionSchema`), the timestamps. `path` is an autoclosure so it is built only for an error.
    private mutating func decodeConnection(
        schema: ConnectionSeedSchema, scratch: inout Scratch, path: @autoclosure () -> String, depth: Int
    ) throws(SeedError) -> Connection {
        for slot in scratch.fields.indices {
            scratch.fields[slot] = nil
            scratch.texts[slot] = nil
        }
        let object = try readObject(path: path(), depth: depth, allowed: schema.keys) { decoder, key, _ throws(SeedError) in
            scratch.fields[key] = try decoder.readFieldValue(depth: depth)
        }
        let fields = scratch.fields
        func fieldPath(_ key: Int) -> String { "\(path()).\(schema.keys.names[key])" }
        for key in 0..<schema.requiredCount where fields[key] == nil {
            throw missing(schema.keys.names[key], in: Fields(members: [], path: path(), position: object.position))
        }
        for key in fields.indices {
            guard let field = fields[key] else { continue }
            guard let text = field.text else {
                throw failure("expected a string, found \(field.typeDescription)", at: field.position, path: fieldPath(key))
            }
            scratch.texts[key] = text
        }
        let name = scratch.texts[0]!
        guard NameRules.isValidConnectionName(name) else {
            throw failure(NameRules.connectionNameRule, at: fields[0]!.position, path: fieldPath(0))
        }
        if let key = schema.domainSlot, let domain = scratch.texts[key] {
            if domain == scratch.lastDomain {
                scratch.texts[key] = scratch.lastDomain
            } else {
                guard HostName.isValid(domain) else { throw failure(HostName.rule, at: fields[key]!.position, path: fieldPath(key)) }
                scratch.lastDomain = domain
            }
        }
        for (slot, rule) in schema.ruledSlots {
            if let text = scratch.texts[slot], let violation = rule.violation(by: text) {
                throw failure(violation, at: fields[slot]!.position, path: fieldPath(slot))
            }
        }
        let texts = scratch.texts
        func timestamp(at slot: Int?) throws(SeedError) -> String {
            guard let slot, let text = texts[slot] else { return loadTime }
            guard Timestamp.isValid(text) else {
                throw failure("\(schema.keys.names[slot]) \(Timestamp.rule)", at: fields[slot]!.position, path: fieldPath(slot))
            }
            return text
        }
        let createdAt = try timestamp(at: schema.createdSlot)
        let updatedAt = try timestamp(at: schema.updatedSlot)
        return Connection(
            name: name, createdAt: createdAt, updatedAt: updatedAt,
            payload: schema.payload(texts))
    }

    /// A string as its text; any other value is parsed (so its syntax is checked) for its type.
    private mutating func readFieldValue(depth: Int) throws(SeedError) -> FieldValue {
        let position = scanner.position
        if try valueStart() == .string {
            return FieldValue(text: try readString(), typeDescription: "a string", position: position)
        }
        let value = try parseValue(depth: depth)
        return FieldValue(text: nil, typeDescription: value.typeDescription, position: position)
    }

    /// Sorts positions by name, which puts any repeated name next to its earlier use; a sort of
    /// the (mostly already ordered) names costs less than hashing a million of them. The error
    /// names the repeat that comes first in the document, and the use of the name just before it.
    /// Returns the name order, which with no repeats is strictly increasing.
    private func checkUniqueNames(
        _ connections: [Connection], origins: [Origin], path: String
    ) throws(SeedError) -> [Int] {
        let order = NameOrder.positions(of: connections)
        var firstRepeat: (later: Int, earlier: Int)?
        for (earlier, later) in zip(order, order.dropFirst()) where connections[earlier].name == connections[later].name {
            if firstRepeat.map({ later < $0.later }) ?? true { firstRepeat = (later, earlier) }
        }
        if let (later, earlier) = firstRepeat {
            let (repeated, first) = (origins[later], origins[earlier])
            throw failure(
                "name \"\(connections[later].name)\" is already used by \(path).\(first.type.rawValue)[\(first.index)] (names are unique across connection types)",
                at: repeated.namePosition, path: "\(path).\(repeated.type.rawValue)[\(repeated.index)].name")
        }
        return order
    }
}
