import Testing
@testable import ZISDomain

@Suite struct JSONParserTests {
    @Test func parsesEveryValueKindAndKeepsKeyOrder() throws {
        let value = try JSONParser.parse(utf8(#" {"z":1,"a":[true,false,null],"m":"x","n":-1.5e+3} "#))
        guard case .object(let members) = value.kind else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a", "m", "n"])
        #expect(members[0].value.kind == .number("1"))
        #expect(members[2].value.kind == .string("x"))
        #expect(members[3].value.kind == .number("-1.5e+3"))
        guard case .array(let elements) = members[1].value.kind else { Issue.record("not an array"); return }
        #expect(elements.map(\.kind) == [.bool(true), .bool(false), .null])
    }

    /// Plain strings are scanned eight bytes a step: a quote, escape, control or non-ASCII byte at
    /// any position of a word, after any run of plain bytes, must still end the plain run there.
    @Test func everyByteThatEndsAPlainRunIsFoundWhereverItSits() throws {
        for length in 0..<20 {
            let plain = String(repeating: "a", count: length)
            #expect(try JSONParser.parse(utf8("\"\(plain)\"")).kind == .string(plain))
            for (inserted, decoded) in [("\\n", "\n"), ("\\\"", "\""), ("é", "é"), ("\\u00e9", "é")] {
                let text = "\"\(plain)\(inserted)b\""
                #expect(try JSONParser.parse(utf8(text)).kind == .string(plain + decoded + "b"), "\(text)")
            }
            #expect(throws: JSONParseError.self) { try JSONParser.parse(utf8("\"\(plain)\u{01}b\"")) }
            #expect(throws: JSONParseError.self) { try JSONParser.parse(utf8("\"\(plain)")) }
        }
    }

    @Test func acceptsScalarsAtTopLevel() throws {
        #expect(try JSONParser.parse(utf8("0")).kind == .number("0"))
        #expect(try JSONParser.parse(utf8("\"\"")).kind == .string(""))
        #expect(try JSONParser.parse(utf8("[]")).kind == .array([]))
        #expect(try JSONParser.parse(utf8("{}")).kind == .object([]))
    }

    @Test func recordsLineAndColumnOfValuesAndKeys() throws {
        let value = try JSONParser.parse(utf8("{\n  \"a\": [\n    \"é\", 12\n  ]\n}"))
        #expect(value.position == SourcePosition(line: 1, column: 1))
        guard case .object(let members) = value.kind, case .array(let items) = members[0].value.kind else {
            Issue.record("unexpected shape"); return
        }
        #expect(members[0].keyPosition == SourcePosition(line: 2, column: 3))
        #expect(members[0].value.position == SourcePosition(line: 2, column: 8))
        #expect(items[0].position == SourcePosition(line: 3, column: 5))
        // Columns count scalars: "é" is two bytes but one column.
        #expect(items[1].position == SourcePosition(line: 3, column: 10))
    }

    @Test(arguments: [
        ("", "1:1", "unexpected end of input"),
        ("{", "1:2", "expected an object key"),
        ("[1,]", "1:4", "expected a value"),
        ("{\"a\":1,}", "1:8", "expected an object key"),
        ("{\"a\" 1}", "1:6", "expected ':'"),
        ("[1 2]", "1:4", "expected ',' or ']'"),
        ("01", "1:2", "leading zeros"),
        ("-", "1:2", "expected a digit"),
        ("1.", "1:3", "after '.'"),
        ("1e", "1:3", "exponent"),
        ("tru", "1:1", "expected 'true'"),
        ("nul", "1:1", "expected 'null'"),
        ("\"abc", "1:1", "unterminated string"),
        ("\"a\nb\"", "1:3", "control character U+000A"),
        ("\"\\x\"", "1:2", "invalid escape"),
        ("\"\\u12\"", "1:2", "four hex digits"),
        ("\"\\ud800\"", "1:2", "not followed by a low surrogate"),
        ("\"\\udc00\"", "1:2", "lone low surrogate"),
        ("[1] x", "1:5", "after the JSON value"),
        ("{\"a\":1,\n \"a\":2}", "2:2", "duplicate key \"a\""),
        ("// comment\n1", "1:1", "expected a value"),
        ("'a'", "1:1", "character '''"),
        ("NaN", "1:1", "expected a value"),
    ])
    func rejectsMalformedInputWithPosition(input: String, position: String, message: String) {
        #expect {
            _ = try JSONParser.parse(utf8(input))
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.position.description == position && error.message.contains(message)
        }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func decodesEscapesAndUnicode() throws {
        let value = try JSONParser.parse(utf8(#""q\"b\\s\/ \b\f\n\r\t \u00e9\u20AC \ud83d\ude00 ü""#))
        #expect(value.kind == .string("q\"b\\s/ \u{8}\u{c}\n\r\t é€ 😀 ü"))
    }

    @Test func enforcesTheDepthLimit() throws {
        let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try JSONParser.parse(utf8(deepest))
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect {
            _ = try JSONParser.parse(utf8(tooDeep))
        } throws: { error in
            (error as? JSONParseError)?.message.contains("deeper than 64") == true
        }
        let objects = String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(utf8(objects)) }
    }
}
