/// The part of a seed that can be a million objects: an integration's `connections`, read field
/// by field from the scanner with no tree, no per-connection dictionary and no path strings (a
/// path is spelled out only for an error).
extension SeedDecoder {
    /// One field of a connection object as read: its text, or the type it had instead. A
    /// timestamp that is a plain string is kept as the range of its bytes (`bytes`, with `text`
    /// empty): it is checked and packed in place, never made a `String`.
    struct FieldValue {
        /// The text of a string; for any other value, its type ("an object", …).
        var text: String
        let isString: Bool
        /// Where the string's bytes start and end (exclusive), or -1 when `text` holds it.
        var bytesStart = -1, bytesEnd = -1
        let position: SourcePosition

        var bytes: Range<Int>? { bytesStart < 0 ? nil : bytesStart..<bytesEnd }
        var stringText: String? { isString && bytesStart < 0 ? text : nil }
    }

    /// What reading a connection reuses from the ones before it.
    struct Scratch {
        /// Slots by position in the schema's keys, cleared for each connection, so that reading
        /// one allocates no working arrays. The payload's texts are read from here as they are
        /// (a second array of them cost a retain and a release per field).
        var fields: [FieldValue?]
        /// The payload's values, in the schema's field order.
        var values: [String] = []
        /// The connections of a seed mostly share a few domains. One equal to the last accepted
        /// is not checked again and shares its storage (past 15 bytes, a String is a heap block).
        var lastDomain: String?

        init(slots: Int) {
            fields = Array(repeating: nil, count: slots)
        }
    }

    /// All four types of one integration, in document order (copying a million connections into
    /// name order here cost a tenth of a load), with their positions in name order, which the
    /// store builds its index from. Names are unique across the four types (spec §3 [doc]).
    mutating func decodeConnections(
        path: String, depth: Int
    ) throws(SeedError) -> (connections: Segmented<Connection>, nameOrder: [Int]) {
        var run = ElementRun()
        /// Where each type's connections start in `run`, in document order.
        var typeStarts: [(type: ConnectionType, start: Int)] = []
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
            typeStarts.append((type, run.count))
            try decoder.decodeElements(
                schema: schema, type: type, arrayPath: arrayPath, depth: depth + 2, scratch: &scratch, into: &run)
        }
        let nameOrder = try checkUniqueNames(run, typeStarts: typeStarts, path: path)
        return (run.connections, nameOrder)
    }

    /// Reads one connection object into `scratch` (`name` is the first slot), then checks it in the
    /// order the rules are listed: required fields, their types, the name, the domain, the other
    /// fields' rules (`ConnectionSchema`), the timestamps. `path` is an autoclosure so it is built only for an error.
    mutating func decodeConnection(
        schema: ConnectionSeedSchema, scratch: inout Scratch, path: @autoclosure () -> String, depth: Int
    ) throws(SeedError) -> Connection {
        for slot in scratch.fields.indices { scratch.fields[slot] = nil }
        let object = try readObject(path: path(), depth: depth, allowed: schema.keys) { decoder, key, _ throws(SeedError) in
            let isTimestamp = key == schema.createdSlot || key == schema.updatedSlot
            scratch.fields[key] = try decoder.readFieldValue(depth: depth, plainAsBytes: isTimestamp)
        }
        func fieldPath(_ key: Int) -> String { "\(path()).\(schema.keys.names[key])" }
        for key in 0..<schema.requiredCount where scratch.fields[key] == nil {
            throw missing(schema.keys.names[key], in: Fields(members: [], path: path(), position: object.position))
        }
        for key in scratch.fields.indices {
            guard let field = scratch.fields[key], !field.isString else { continue }
            throw failure("expected a string, found \(field.text)", at: field.position, path: fieldPath(key))
        }
        let name = scratch.fields[0]!.text
        guard NameRules.isValidConnectionName(name) else {
            throw failure(NameRules.connectionNameRule, at: scratch.fields[0]!.position, path: fieldPath(0))
        }
        if let key = schema.domainSlot, let domain = scratch.fields[key]?.stringText {
            if domain == scratch.lastDomain {
                scratch.fields[key]!.text = scratch.lastDomain!
            } else {
                guard HostName.isValid(domain) else {
                    throw failure(HostName.rule, at: scratch.fields[key]!.position, path: fieldPath(key))
                }
                scratch.lastDomain = domain
            }
        }
        for (slot, rule) in schema.ruledSlots {
            if let text = scratch.fields[slot]?.stringText, let violation = rule.violation(by: text) {
                throw failure(violation, at: scratch.fields[slot]!.position, path: fieldPath(slot))
            }
        }
        let fields = scratch.fields
        func timestamp(at slot: Int?) throws(SeedError) -> CompactTimestamp {
            guard let slot, let field = fields[slot] else { return CompactTimestamp(loadTime) }
            let stamp: CompactTimestamp?
            if let range = field.bytes {
                stamp = scanner.withBytes(in: range) { Timestamp.isValid(utf8: $0) ? CompactTimestamp(utf8: $0) : nil }
            } else {
                stamp = field.stringText.flatMap { Timestamp.isValid($0) ? CompactTimestamp($0) : nil }
            }
            guard let stamp else {
                throw failure("\(schema.keys.names[slot]) \(Timestamp.rule)", at: field.position, path: fieldPath(slot))
            }
            return stamp
        }
        let created = try timestamp(at: schema.createdSlot)
        let updated = try timestamp(at: schema.updatedSlot)
        return Connection(name: name, created: created, updated: updated, payload: schema.payload(fields, values: &scratch.values))
    }

    /// A string as its text (or, with `plainAsBytes`, a plain one as its bytes); any other value
    /// is parsed (so its syntax is checked) for its type.
    private mutating func readFieldValue(depth: Int, plainAsBytes: Bool) throws(SeedError) -> FieldValue {
        let position = scanner.position
        if try valueStart() == .string {
            if plainAsBytes, let range = scanner.readPlainString() {
                return FieldValue(text: "", isString: true, bytesStart: range.lowerBound, bytesEnd: range.upperBound, position: position)
            }
            return FieldValue(text: try readString(), isString: true, position: position)
        }
        let value = try parseValue(depth: depth)
        return FieldValue(text: value.typeDescription, isString: false, position: position)
    }

    /// Sorts positions by name, which puts any repeated name next to its earlier use; a sort of
    /// the (mostly already ordered) names costs less than hashing a million of them. The error
    /// names the repeat that comes first in the document, and the use of the name just before it.
    /// Returns the name order, which with no repeats is strictly increasing.
    private func checkUniqueNames(
        _ run: ElementRun, typeStarts: [(type: ConnectionType, start: Int)], path: String
    ) throws(SeedError) -> [Int] {
        let (order, repeats) = NameOrder.positionsAndRepeats(of: run.connections)
        var firstRepeat: (later: Int, earlier: Int)?
        for (earlier, later) in repeats where firstRepeat.map({ later < $0.later }) ?? true {
            firstRepeat = (later, earlier)
        }
        if let (later, earlier) = firstRepeat {
            /// `type[index]` of the connection at `position`.
            func element(_ position: Int) -> String {
                let (type, start) = typeStarts.last { $0.start <= position }!
                return "\(type.rawValue)[\(position - start)]"
            }
            throw failure(
                "name \"\(run.connections[later].name)\" is already used by \(path).\(element(earlier)) (names are unique across connection types)",
                at: run.namePositions[later], path: "\(path).\(element(later)).name")
        }
        return order
    }
}
