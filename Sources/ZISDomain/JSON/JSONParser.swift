/// A strict RFC 8259 parser over UTF-8 bytes, used for seed files (spec §7) and request bodies.
///
/// Strict on purpose: seeds are hand-edited, and a lenient parser would turn a typo into
/// silently different mock state. So: no comments, no trailing commas, no leading zeros,
/// no lone surrogates, no invalid UTF-8, and a duplicate object key is an error rather
/// than "last one wins".
public struct JSONParser {
    /// Deep enough for any real seed or request body, shallow enough that a hostile body
    /// cannot exhaust the stack of the thread parsing it.
    public static let defaultMaxDepth = 64

    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.offset < bytes.count {
            throw parser.error("unexpected \(parser.describeCurrentByte()) after the JSON value")
        }
        return value
    }

    private let bytes: [UInt8]
    private let maxDepth: Int
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes seen since `lineStart`; subtracting them turns a byte offset
    /// into a Unicode-scalar column without rescanning the line.
    private var continuationBytesOnLine = 0

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private var position: SourcePosition {
        SourcePosition(line: line, column: offset - lineStart - continuationBytesOnLine + 1)
    }

    private func error(_ message: String) -> JSONParseError {
        JSONParseError(message, at: position)
    }

    private func describeCurrentByte() -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
                continuationBytesOnLine = 0
            default:
                return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard offset < bytes.count else { throw error("unexpected end of input, expected a value") }
        let start = position
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return JSONValue(.string(try parseString()), at: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONValue(.bool(true), at: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONValue(.bool(false), at: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONValue(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try parseNumber()), at: start)
        default:
            throw error("unexpected \(describeCurrentByte()), expected a value")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = position
        let matches = literal.withUTF8Buffer { expected in
            offset + expected.count <= bytes.count
                && zip(expected, bytes[offset..<(offset + expected.count)]).allSatisfy { $0 == $1 }
        }
        guard matches else { throw JSONParseError("invalid literal, expected '\(literal)'", at: start) }
        offset += literal.utf8CodeUnitCount
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        let start = position
        guard depth <= maxDepth else { throw error("nesting is deeper than \(maxDepth) levels") }
        offset += 1
        var members: [JSONMember] = []
        var keys: Set<String> = []
        skipWhitespace()
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return JSONValue(.object(members), at: start)
        }
        while true {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrentByte()), expected an object key (a string)")
            }
            let keyPosition = position
            let key = try parseString()
            if isDuplicate(key, among: members, seen: &keys) {
                throw JSONParseError("duplicate key \"\(key)\" in object", at: keyPosition)
            }
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrentByte()), expected ':' after an object key")
            }
            offset += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            guard offset < bytes.count else { throw error("unexpected end of input, expected ',' or '}'") }
            switch bytes[offset] {
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                offset += 1
                return JSONValue(.object(members), at: start)
            default:
                throw error("unexpected \(describeCurrentByte()), expected ',' or '}'")
            }
        }
    }

    /// Seed objects have a handful of keys, and comparing a few short strings is far cheaper than
    /// hashing every key (hashing was about a tenth of loading a big seed); only a big object
    /// gets a set, filled once it passes `linearScanLimit` members.
    private func isDuplicate(_ key: String, among members: [JSONMember], seen keys: inout Set<String>) -> Bool {
        let linearScanLimit = 16
        if members.count < linearScanLimit { return members.contains { $0.key == key } }
        if keys.isEmpty { keys = Set(members.lazy.map(\.key)) }
        return !keys.insert(key).inserted
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        let start = position
        guard depth <= maxDepth else { throw error("nesting is deeper than \(maxDepth) levels") }
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return JSONValue(.array(elements), at: start)
        }
        while true {
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard offset < bytes.count else { throw error("unexpected end of input, expected ',' or ']'") }
            switch bytes[offset] {
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                offset += 1
                return JSONValue(.array(elements), at: start)
            default:
                throw error("unexpected \(describeCurrentByte()), expected ',' or ']'")
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func parseNumber() throws(JSONParseError) -> String {
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("expected a digit") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count && isDigit(bytes[offset]) { throw error("leading zeros are not allowed in numbers") }
        } else {
            skipDigits()
        }
        if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("expected a digit after '.'") }
            skipDigits()
        }
        if offset < bytes.count && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
            offset += 1
            if offset < bytes.count && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")) {
                offset += 1
            }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while offset < bytes.count && isDigit(bytes[offset]) { offset += 1 }
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        let start = position
        offset += 1
        // Unescaped runs are copied in one go; `decoded` is only used once an escape shows up.
        var decoded: [UInt8] = []
        var sawEscape = false
        var runStart = offset
        while true {
            guard offset < bytes.count else { throw JSONParseError("unterminated string", at: start) }
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                let text: String?
                if sawEscape {
                    decoded.append(contentsOf: bytes[runStart..<offset])
                    text = String(validating: decoded, as: UTF8.self)
                } else {
                    text = String(validating: bytes[runStart..<offset], as: UTF8.self)
                }
                guard let text else { throw JSONParseError("string is not valid UTF-8", at: start) }
                offset += 1
                return text
            case UInt8(ascii: "\\"):
                sawEscape = true
                decoded.append(contentsOf: bytes[runStart..<offset])
                try appendEscape(to: &decoded)
                runStart = offset
            case 0..<0x20:
                throw error("control character U+00\(hexByte(byte)) must be escaped in a string")
            default:
                if byte & 0xC0 == 0x80 { continuationBytesOnLine += 1 }
                offset += 1
            }
        }
    }

    private mutating func appendEscape(to decoded: inout [UInt8]) throws(JSONParseError) {
        let escapeStart = position
        offset += 1
        guard offset < bytes.count else { throw JSONParseError("unterminated string", at: escapeStart) }
        let letter = bytes[offset]
        offset += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(letter)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try parseUnicodeEscape(escapeStart: escapeStart)
            UTF8.encode(scalar) { decoded.append($0) }
        default:
            throw JSONParseError("invalid escape sequence in string", at: escapeStart)
        }
    }

    /// Reads the hex digits after `\u`, combining a UTF-16 surrogate pair into one scalar.
    private mutating func parseUnicodeEscape(escapeStart: SourcePosition) throws(JSONParseError) -> Unicode.Scalar {
        let first = try parseHex4(escapeStart: escapeStart)
        switch first {
        case 0xD800...0xDBFF:
            guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                throw JSONParseError("high surrogate \\u\(String(first, radix: 16, uppercase: true)) is not followed by a low surrogate", at: escapeStart)
            }
            offset += 2
            let second = try parseHex4(escapeStart: escapeStart)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw JSONParseError("high surrogate is not followed by a low surrogate", at: escapeStart)
            }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        case 0xDC00...0xDFFF:
            throw JSONParseError("lone low surrogate \\u\(String(first, radix: 16, uppercase: true))", at: escapeStart)
        default:
            return Unicode.Scalar(first)!
        }
    }

    private mutating func parseHex4(escapeStart: SourcePosition) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard offset < bytes.count, let digit = hexValue(bytes[offset]) else {
                throw JSONParseError("\\u escape needs four hex digits", at: escapeStart)
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
