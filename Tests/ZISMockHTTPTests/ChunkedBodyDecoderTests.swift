import Testing
@testable import ZISMockHTTP

@Suite("Chunked body decoder")
struct ChunkedBodyDecoderTests {
    enum Outcome: Equatable {
        case needMore([UInt8])
        case finished([UInt8], consumed: Int)
        case failed(HTTPRequestFailure)
    }

    /// Feeds `pieces` in order to one decoder, as reads would arrive.
    func decode(_ pieces: [[UInt8]], limit: Int = 1024 * 1024) -> Outcome {
        var decoder = ChunkedBodyDecoder()
        var body: [UInt8] = []
        let pieces = pieces.filter { !$0.isEmpty }  // a read never delivers zero bytes
        for (index, piece) in pieces.enumerated() {
            let result = piece.withUnsafeBytes { decoder.decode($0, into: &body, limit: limit) }
            switch result {
            case .failure(let failure): return .failed(failure)
            case .success(.needMore): continue
            case .success(.finished(let consumed)):
                #expect(index == pieces.count - 1, "finished before the last piece")
                return .finished(body, consumed: consumed)
            }
        }
        return .needMore(body)
    }

    func decode(_ text: String, limit: Int = 1024 * 1024) -> Outcome { decode([bytes(text)], limit: limit) }

    func isMalformed(_ outcome: Outcome) -> Bool {
        if case .failed(.malformed) = outcome { return true }
        return false
    }

    @Test func decodesOneChunk() {
        let input = "5\r\nhello\r\n0\r\n\r\n"
        #expect(decode(input) == .finished(bytes("hello"), consumed: input.utf8.count))
    }

    @Test func decodesSeveralChunksWithHexSizes() {
        let twentySix = String(repeating: "z", count: 26)
        let input = "1\r\na\r\nA\r\n0123456789\r\n1a\r\n\(twentySix)\r\n1A\r\n\(twentySix)\r\n000\r\n\r\n"
        #expect(decode(input) == .finished(bytes("a0123456789" + twentySix + twentySix), consumed: input.utf8.count))
    }

    @Test func anEmptyBodyIsJustTheLastChunk() {
        #expect(decode("0\r\n\r\n") == .finished([], consumed: 5))
    }

    @Test func skipsChunkExtensions() {
        let input = "5;name=value\r\nhello\r\n6 ; a=\"b c\";d\r\n world\r\n0;last\r\n\r\n"
        #expect(decode(input) == .finished(bytes("hello world"), consumed: input.utf8.count))
    }

    @Test func readsAndDropsTrailers() {
        let input = "3\r\nabc\r\n0\r\nX-Checksum: 123\r\nX-Other: v\r\n\r\n"
        #expect(decode(input) == .finished(bytes("abc"), consumed: input.utf8.count))
    }

    @Test func reportsOnlyTheBytesItUsed() {
        let body = "3\r\nabc\r\n0\r\n\r\n"
        #expect(decode(body + "GET / HTTP/1.1\r\n") == .finished(bytes("abc"), consumed: body.utf8.count))
    }

    @Test func anyTwoWaySplitGivesTheSameBody() {
        let input = bytes("4;x=y\r\nWiki\r\n6\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nTrailer: t\r\n\r\n")
        let expected = Outcome.finished(bytes("Wikipedia in \r\n\r\nchunks."), consumed: 0)
        for split in 0...input.count {
            let outcome = decode([Array(input[..<split]), Array(input[split...])])
            guard case .finished(let body, let consumed) = outcome, case .finished(let want, _) = expected else {
                Issue.record("split at \(split): \(outcome)")
                continue
            }
            #expect(body == want, "split at \(split)")
            // consumed counts within the last piece fed.
            #expect(consumed == input.count - split || (split == input.count && consumed == input.count), "split at \(split)")
        }
    }

    @Test func bytewiseFeedingGivesTheSameBody() {
        let input = bytes("4;x=y\r\nWiki\r\n6\r\npedia \r\n0\r\nTrailer: t\r\n\r\n")
        let outcome = decode(input.map { [$0] })
        #expect(outcome == .finished(bytes("Wikipedia "), consumed: 1))
        // Every proper prefix leaves the decoder waiting.
        for length in 0..<input.count {
            if case .needMore = decode([Array(input[..<length])]) { continue }
            Issue.record("prefix of \(length) bytes did not need more")
        }
    }

    @Test func aChunkOverTheLimitFailsBeforeItsDataArrives() {
        #expect(decode("65\r\n", limit: 100) == .failed(.payloadTooLarge), "0x65 = 101 bytes")
        #expect(decode("64\r\n", limit: 100) == .needMore([]), "0x64 = 100 bytes is allowed")
    }

    @Test func theLimitCountsAllChunksTogether() {
        let fifty = String(repeating: "x", count: 50)
        #expect(decode("32\r\n\(fifty)\r\n32\r\n\(fifty)\r\n0\r\n\r\n", limit: 100) == .finished(bytes(fifty + fifty), consumed: 117))
        #expect(decode("32\r\n\(fifty)\r\n33\r\n", limit: 100) == .failed(.payloadTooLarge))
    }

    @Test func hugeSizesFailWithoutOverflowing() {
        #expect(decode("FFFFFFFFFFFFFFFFFFFF\r\n") == .failed(.payloadTooLarge))
        #expect(decode("000000001\r\n") == .failed(.payloadTooLarge), "more than 8 digits is refused even when small")
    }

    @Test(arguments: [
        "\r\n",  // no size
        "x\r\n",  // not hex
        "-1\r\n",
        ";ext\r\n",  // extension without a size
        "5\nhello\r\n",  // bare LF after the size
        "5\r\nhelloX\r\n",  // data not followed by CRLF
        "5\r\nhello\rX",
        "5\r\nhello\n",
        "0\r\nX: y\n\r\n",  // trailer ending in a bare LF
        "0\r\n\n",  // bare LF as the final line
        "0\r\n\rX",
        "5;a\u{01}b\r\nhello\r\n0\r\n\r\n",  // control byte in an extension
        "0\r\nX: a\u{00}b\r\n\r\n",  // NUL in a trailer
    ])
    func refusesMalformedFraming(input: String) {
        #expect(isMalformed(decode(input)), "\(input.debugDescription)")
    }

    /// RFC 9112 §7.1.1: chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ),
    /// the value a token or a quoted-string. Lines from llhttp's corpus and the RFC's edges.
    @Test(arguments: [
        "5;ilovew3;somuchlove=aretheseparametersfor;another=withvalue",  // llhttp "Chunk extensions"
        #"5;ilovew3="I \"love\"; \\extensions\\";somuchlove="aretheseparametersfor";blah;foo=bar"#,  // llhttp quoting
        "5 ;a",  // space before the `;`
        "5\t; a = b ;c",  // whitespace around `;` and `=`
        "5;a=\"\"",  // an empty quoted value
        "5;a=\"\u{80}\u{FF}\"",  // obs-text (these characters' UTF-8 bytes) inside quotes
    ])
    func acceptsExtensionsInTheGrammar(line: String) {
        let input = line + "\r\nhello\r\n0\r\n\r\n"
        #expect(decode(input) == .finished(bytes("hello"), consumed: input.utf8.count), "\(line.debugDescription)")
    }

    @Test(arguments: [
        "5 ilovew3",  // llhttp "No semicolon before chunk extensions": an extension without `;`
        "2 erfrferferf",
        "5;",  // llhttp "No extension after semicolon"
        "5; ",
        "5;a;",
        "5 ",  // llhttp "Space after chunk header": space not introducing an extension
        "5\t",
        "5;a ",  // whitespace after a name that no `=` or `;` follows
        "5;a=b ",
        "5;a=",  // `=` without a value
        "5;=b",  // a value without a name
        "5;a b",  // two names without `;`
        "5;a=b c",
        "5;a=\"b\"c",  // text after a quoted value
        #"5;ilovew3="abc";somuchlove="def; ghi"#,  // llhttp "Unbalanced chunk extensions quoting"
        "5;a=\"b\u{01}\"",  // control byte inside quotes
        "5;a@b",  // `@` is not a token character
        "5;a=b@",
        "5 \n  ",  // llhttp "Validate chunk parameters"
        "5\r\r;ABCD",  // llhttp "Chunk header not terminated by CRLF"
    ])
    func refusesChunkSizeLinesOutsideTheGrammar(line: String) {
        #expect(isMalformed(decode(line + "\r\nhello\r\n0\r\n\r\n")), "\(line.debugDescription)")
    }

    @Test func theLastChunkFollowsTheSameGrammar() {
        #expect(isMalformed(decode("0 \r\n\r\n")))
        #expect(isMalformed(decode("0;\r\n\r\n")))
        let valid = "0;last=\"yes\"\r\n\r\n"
        #expect(decode(valid) == .finished([], consumed: valid.utf8.count))
    }

    @Test func anEndlessExtensionLineIsRefused() {
        let outcome = decode("5;" + String(repeating: "e", count: 5000))
        #expect(outcome == .failed(.headersTooLarge))
    }
}
