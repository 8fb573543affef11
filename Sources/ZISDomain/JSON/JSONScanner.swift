import Glibc
import ZISMockBasics

/// The lexical half of the strict JSON reader: walks UTF-8 bytes, keeps the line and column of
/// where it is, and reads one token or structural step at a time. `JSONParser` builds a tree
/// with it; the seed decoder reads big documents straight into models with it, never holding a
/// tree of the whole file.
struct JSONScanner {
    /// What the next value is, judged by its first byte.
    enum ValueStart: Equatable {
        case object, array, string, number, bool(Bool), null
    }

    /// Borrowed: whoever makes a scanner keeps these bytes alive while it is used. Through a
    /// buffer pointer, so reading touches no reference count and no array header: with an
    /// array, the parts of a seed read on several threads contended for the header's cache line.
    private let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    private(set) var offset = 0
    private var line = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes seen since `lineStart`; subtracting them turns a byte offset
    /// into a Unicode-scalar column without rescanning the line.
    private var continuationBytesOnLine = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    var position: SourcePosition {
        SourcePosition(line: line, column: offset - lineStart - continuationBytesOnLine + 1)
    }

    func error(_ message: String) -> JSONParseError {
        JSONParseError(message, at: position)
    }

    func describeCurrentByte() -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    mutating func skipWhitespace() {
        // Called between every two tokens, and mostly there is nothing to skip.
        guard offset < bytes.count, bytes[offset] <= UInt8(ascii: " ") else { return }
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

    var isAtEnd: Bool { offset >= bytes.count }

    /// Throws at the end of input or at a byte that cannot start a value.
    func valueStart() throws(JSONParseError) -> ValueStart {
        guard offset < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"): return .bool(true)
        case UInt8(ascii: "f"): return .bool(false)
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw error("unexpected \(describeCurrentByte()), expected a value")
        }
    }

    // MARK: Objects and arrays, one step at a time

    /// Consumes the `{` or `[` the scanner is at (a container at nesting level `depth`, from 1).
    mutating func enterContainer(depth: Int) throws(JSONParseError) {
        guard depth <= maxDepth else { throw error("nesting is deeper than \(maxDepth) levels") }
        offset += 1
        skipWhitespace()
    }

    /// Steps to the next member of the object entered last: returns its key and the key's
    /// position with the scanner at the member's value, or nil once the closing `}` is consumed.
    /// `afterMember` is false for the first call and true once a member's value has been read.
    mutating func nextKey(afterMember: Bool) throws(JSONParseError) -> (key: String, position: SourcePosition)? {
        guard let keyPosition = try nextKeyStart(afterMember: afterMember) else { return nil }
        let key = try readString()
        try skipColon()
        return (key, keyPosition)
    }

    /// A key as `nextKey(afterMember:among:)` found it: the index of the candidate it equals, or
    /// its text when it equals none.
    enum KeyMatch {
        case candidate(Int)
        case other(String)
    }

    /// `nextKey`, for objects whose keys are known: a plain key (ASCII, no escapes; the usual
    /// case) is compared as bytes against `candidates`, building no String.
    mutating func nextKey(
        afterMember: Bool, among candidates: AllowedKeys
    ) throws(JSONParseError) -> (key: KeyMatch, position: SourcePosition)? {
        guard let keyPosition = try nextKeyStart(afterMember: afterMember) else { return nil }
        let match: KeyMatch
        if let plain = plainStringBytes(),
            let index = candidates.index(of: UnsafeBufferPointer(rebasing: bytes[plain])) {
            offset = plain.upperBound + 1
            match = .candidate(index)
        } else {
            let key = try readString()
            match = candidates.names.firstIndex(of: key).map(KeyMatch.candidate) ?? .other(key)
        }
        try skipColon()
        return (match, keyPosition)
    }

    /// Checks that a key's string starts here and returns its position.
    private mutating func nextKeyStart(afterMember: Bool) throws(JSONParseError) -> SourcePosition? {
        guard try nextItem(afterItem: afterMember, close: UInt8(ascii: "}")) else { return nil }
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            throw error("unexpected \(describeCurrentByte()), expected an object key (a string)")
        }
        return position
    }

    private mutating func skipColon() throws(JSONParseError) {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
            throw error("unexpected \(describeCurrentByte()), expected ':' after an object key")
        }
        offset += 1
        skipWhitespace()
    }

    /// The bytes between the quotes of the string the scanner is at, if they are printable ASCII
    /// without escapes (so they are the string's UTF-8 as they stand); nil for anything else,
    /// which `readString` then reads, checks and reports on. Does not move the scanner.
    private func plainStringBytes() -> Range<Int>? {
        var end = offset + 1
        // Eight bytes a step (every key and value of a seed passes here, a few hundred MB for a
        // big one): the first byte that ends the plain run is found from the word's mask.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while end + 8 <= bytes.count {
                let ending = Self.plainRunEnds(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end, as: UInt64.self)))
                if ending != 0 {
                    end += ending.trailingZeroBitCount / 8
                    return bytes[end] == UInt8(ascii: "\"") ? (offset + 1)..<end : nil
                }
                end += 8
            }
        }
        while end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "\""): return (offset + 1)..<end
            case UInt8(ascii: "\\"), 0..<0x20, 0x80...: return nil
            default: end += 1
            }
        }
        return nil
    }

    /// The high bit of each of the eight bytes (first in memory lowest) that ends a plain run: a
    /// quote, a backslash, a control character or a byte beyond ASCII. Exact per byte (no borrow
    /// between bytes), so the lowest set bit is the first such byte.
    private static func plainRunEnds(_ word: UInt64) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// High bit set where the byte of `value` is zero.
        func zeroBytes(_ value: UInt64) -> UInt64 { ~(((value & lows) &+ lows) | value | lows) }
        let quotes = zeroBytes(word ^ 0x2222_2222_2222_2222)
        let backslashes = zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
        // Below 0x20: adding 0x60 to the low seven bits leaves the high bit clear, and the byte's own is clear.
        let controls = ~(((word & lows) &+ 0x6060_6060_6060_6060) | word) & highs
        return quotes | backslashes | controls | (word & highs)
    }

    /// The string the scanner is at, consumed, as the range of its bytes when `plainStringBytes`
    /// finds it plain; nil (the scanner unmoved) otherwise.
    mutating func readPlainString() -> Range<Int>? {
        guard let plain = plainStringBytes() else { return nil }
        offset = plain.upperBound + 1
        return plain
    }

    /// The scanner moved on to `target` over bytes it does not read, its line and column kept
    /// right (so positions read from there on are the ones a reader from here would give): for a
    /// reader that starts at an element start found by `elementStart(near:)`.
    func skipped(to target: Int) -> JSONScanner {
        var moved = self
        var newline = firstOffset(of: UInt8(ascii: "\n"), from: offset)
        while newline < target {
            moved.line += 1
            moved.lineStart = newline + 1
            moved.continuationBytesOnLine = 0
            newline = firstOffset(of: UInt8(ascii: "\n"), from: newline + 1)
        }
        for index in max(offset, moved.lineStart)..<target where bytes[index] & 0xC0 == 0x80 {
            moved.continuationBytesOnLine += 1
        }
        moved.offset = target
        return moved
    }

    /// The first `byte` at or after `from`, or the end of the input.
    func firstOffset(of byte: UInt8, from: Int) -> Int {
        guard from < bytes.count, let base = bytes.baseAddress, let found = memchr(base + from, Int32(byte), bytes.count - from)
        else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Where the first `}`, `,`, `{` (whitespace allowed between) at or after `target` puts its
    /// `{`: a guess at the start of an object element of an array, which the caller must prove
    /// (the bytes could be inside a string). `afterContainer`: only where the `}` itself follows
    /// a `]` or `}`, as an integration's does (its last member is an array or object) and a flat
    /// connection's does not. nil if none is found within `window` bytes.
    func elementStart(near target: Int, afterContainer: Bool = false, window: Int = 1 << 16) -> Int? {
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        func skipWhitespace(_ index: inout Int) {
            while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
        }
        let limit = min(bytes.count, target + window)
        var index = target
        while true {
            // memchr from brace to brace: an integration's window is megabytes of connections.
            index = firstOffset(of: UInt8(ascii: "}"), from: index)
            guard index < limit else { return nil }
            defer { index += 1 }
            if afterContainer {
                var before = index - 1
                while before > 0, isWhitespace(bytes[before]) { before -= 1 }
                guard before > 0, bytes[before] == UInt8(ascii: "]") || bytes[before] == UInt8(ascii: "}") else { continue }
            }
            var next = index + 1
            skipWhitespace(&next)
            guard next < bytes.count, bytes[next] == UInt8(ascii: ",") else { continue }
            next += 1
            skipWhitespace(&next)
            if next < bytes.count, bytes[next] == UInt8(ascii: "{") { return next }
        }
    }

    /// The size of the input.
    var count: Int { bytes.count }

    /// The bytes of `range`, in place.
    func withBytes<Result>(in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// Steps to the next element of the array entered last: true with the scanner at the
    /// element, false once the closing `]` is consumed. `afterElement` as in `nextKey`.
    mutating func nextElement(afterElement: Bool) throws(JSONParseError) -> Bool {
        try nextItem(afterItem: afterElement, close: UInt8(ascii: "]"))
    }

    private mutating func nextItem(afterItem: Bool, close: UInt8) throws(JSONParseError) -> Bool {
        let closer = close == UInt8(ascii: "}") ? "'}'" : "']'"
        if afterItem {
            skipWhitespace()
            guard offset < bytes.count else { throw error("unexpected end of input, expected ',' or \(closer)") }
            switch bytes[offset] {
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
                return true
            case close:
                offset += 1
                return false
            default:
                throw error("unexpected \(describeCurrentByte()), expected ',' or \(closer)")
            }
        }
        guard offset < bytes.count, bytes[offset] == close else { return true }
        offset += 1
        return false
    }

    // MARK: Scalars

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = position
        let matches = literal.withUTF8Buffer { expected in
            offset + expected.count <= bytes.count
                && zip(expected, bytes[offset..<(offset + expected.count)]).allSatisfy { $0 == $1 }
        }
        guard matches else { throw JSONParseError("invalid literal, expected '\(literal)'", at: start) }
        offset += literal.utf8CodeUnitCount
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    mutating func readNumber() throws(JSONParseError) -> String {
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, bytes[offset].isASCIIDigit else { throw error("expected a digit") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count && bytes[offset].isASCIIDigit { throw error("leading zeros are not allowed in numbers") }
        } else {
            skipDigits()
        }
        if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, bytes[offset].isASCIIDigit else { throw error("expected a digit after '.'") }
            skipDigits()
        }
        if offset < bytes.count && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
            offset += 1
            if offset < bytes.count && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")) {
                offset += 1
            }
            guard offset < bytes.count, bytes[offset].isASCIIDigit else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private mutating func skipDigits() {
        while offset < bytes.count && bytes[offset].isASCIIDigit { offset += 1 }
    }

    mutating func readString() throws(JSONParseError) -> String {
        // Most strings of a seed are plain ASCII: found by one tight scan, and valid UTF-8 as
        // they stand, so they skip the escape and validation work below.
        if let plain = plainStringBytes() {
            offset = plain.upperBound + 1
            return String(decoding: bytes[plain], as: UTF8.self)
        }
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
            case 0x80...:
                if byte & 0xC0 == 0x80 { continuationBytesOnLine += 1 }
                offset += 1
            default:
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
            guard offset < bytes.count, let digit = bytes[offset].asciiHexValue else {
                throw JSONParseError("\\u escape needs four hex digits", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    private func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
