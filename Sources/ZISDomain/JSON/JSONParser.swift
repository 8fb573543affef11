/// A strict RFC 8259 parser over UTF-8 bytes, used for seed files (spec §7) and request bodies.
///
/// Strict on purpose: seeds are hand-edited, and a lenient parser would turn a typo into
/// silently different mock state. So: no comments, no trailing commas, no leading zeros,
/// no lone surrogates, no invalid UTF-8, and a duplicate object key is an error rather
/// than "last one wins". The bytes are read by `JSONScanner`; this builds the tree.
package enum JSONParser {
    /// Deep enough for any real seed or request body, shallow enough that a hostile body
    /// cannot exhaust the stack of the thread parsing it.
    package static let defaultMaxDepth = 64

    package static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { bytes throws(JSONParseError) in
            var scanner = JSONScanner(bytes: bytes, maxDepth: maxDepth)
            scanner.skipWhitespace()
            let value = try scanner.parseValue(depth: 0)
            scanner.skipWhitespace()
            if !scanner.isAtEnd {
                throw scanner.error("unexpected \(scanner.describeCurrentByte()) after the JSON value")
            }
            return value
        }
    }
}

extension JSONScanner {
    /// The whole value the scanner is at, as a tree; `depth` is the nesting level it sits in.
    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        let start = position
        switch try valueStart() {
        case .object: return try parseObject(depth: depth + 1)
        case .array: return try parseArray(depth: depth + 1)
        case .string: return JSONValue(.string(try readString()), at: start)
        case .number: return JSONValue(.number(try readNumber()), at: start)
        case .bool(let value):
            try expectLiteral(value ? "true" : "false")
            return JSONValue(.bool(value), at: start)
        case .null:
            try expectLiteral("null")
            return JSONValue(.null, at: start)
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        let start = position
        try enterContainer(depth: depth)
        var members: [JSONMember] = []
        var keys: Set<String> = []
        while let (key, keyPosition) = try nextKey(afterMember: !members.isEmpty) {
            if Self.isDuplicate(key, among: members, seen: &keys) {
                throw JSONParseError("duplicate key \"\(key)\" in object", at: keyPosition)
            }
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: try parseValue(depth: depth)))
        }
        return JSONValue(.object(members), at: start)
    }

    /// Seed objects have a handful of keys, and comparing a few short strings is far cheaper than
    /// hashing every key; only a big object gets a set, filled once it passes `linearScanLimit` members.
    private static func isDuplicate(_ key: String, among members: [JSONMember], seen keys: inout Set<String>) -> Bool {
        let linearScanLimit = 16
        if members.count < linearScanLimit { return members.contains { $0.key == key } }
        if keys.isEmpty { keys = Set(members.lazy.map(\.key)) }
        return !keys.insert(key).inserted
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        let start = position
        try enterContainer(depth: depth)
        var elements: [JSONValue] = []
        while try nextElement(afterElement: !elements.isEmpty) {
            elements.append(try parseValue(depth: depth))
        }
        return JSONValue(.array(elements), at: start)
    }
}
