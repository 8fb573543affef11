import ZISMockBasics

/// Decodes a chunked body incrementally (RFC 9112 §7.1), byte by byte, so any split of the stream
/// across reads gives the same result. Extensions are checked against their grammar and dropped,
/// trailers read and dropped.
struct ChunkedBodyDecoder {
    private enum State: Equatable {
        case size
        case sizeExtension
        case sizeLineFeed
        case data(remaining: Int)
        case dataCarriageReturn
        case dataLineFeed
        case trailerStart
        case trailerLine
        case trailerLineFeed
        case finalLineFeed
    }

    private var state = State.size
    private var size = 0
    private var sizeDigits = 0
    private var lineBytes = 0
    private var extensionGrammar = ChunkExtensionGrammar()
    private let maxLineBytes = 4096

    enum Progress {
        case needMore
        case finished(consumed: Int)
    }

    mutating func decode(_ bytes: UnsafeRawBufferPointer, into body: inout [UInt8], limit: Int) -> Result<Progress, HTTPRequestFailure> {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch state {
            case .size:
                if let digit = byte.asciiHexValue {
                    sizeDigits += 1
                    size = size &* 16 &+ Int(digit)
                    guard sizeDigits <= 8, body.count + size <= limit else { return .failure(.payloadTooLarge) }
                } else if sizeDigits > 0, byte == .cr {
                    state = .sizeLineFeed
                } else if sizeDigits > 0, byte == .semicolon || byte.isASCIIBlank {
                    extensionGrammar = ChunkExtensionGrammar()
                    state = .sizeExtension
                    continue  // the grammar reads this byte too
                } else {
                    return .failure(.malformed("A chunk size is not a hexadecimal number."))
                }
            case .sizeExtension:
                lineBytes += 1
                guard lineBytes <= maxLineBytes else { return .failure(.headersTooLarge) }
                switch extensionGrammar.take(byte) {
                case .accepted: break
                case .lineEnds: state = .sizeLineFeed
                case .refused(let reason): return .failure(.malformed(reason))
                }
            case .trailerLine:
                lineBytes += 1
                guard lineBytes <= maxLineBytes else { return .failure(.headersTooLarge) }
                if byte == .cr {
                    state = .trailerLineFeed
                } else if byte != .tab, byte < 0x20 || byte == 0x7F {
                    return .failure(.malformed("A trailer line contains a control character."))
                }
            case .sizeLineFeed:
                guard byte == .lf else { return .failure(.malformed("A chunk size line must end with CRLF.")) }
                lineBytes = 0
                state = size == 0 ? .trailerStart : .data(remaining: size)
            case .data(let remaining):
                let take = min(remaining, bytes.count - index)
                body.append(contentsOf: bytes[index..<(index + take)])
                index += take
                state = remaining == take ? .dataCarriageReturn : .data(remaining: remaining - take)
                continue
            case .dataCarriageReturn:
                guard byte == .cr else { return .failure(.malformed("Chunk data must be followed by CRLF.")) }
                state = .dataLineFeed
            case .dataLineFeed:
                guard byte == .lf else { return .failure(.malformed("Chunk data must be followed by CRLF.")) }
                size = 0
                sizeDigits = 0
                state = .size
            case .trailerStart:
                lineBytes = 0
                state = byte == .cr ? .finalLineFeed : .trailerLine
                if byte == .lf { return .failure(.malformed("Trailer lines must end with CRLF.")) }
            case .trailerLineFeed:
                guard byte == .lf else { return .failure(.malformed("Trailer lines must end with CRLF.")) }
                state = .trailerStart
            case .finalLineFeed:
                guard byte == .lf else { return .failure(.malformed("A chunked body must end with CRLF.")) }
                return .success(.finished(consumed: index + 1))
            }
            index += 1
        }
        return .success(.needMore)
    }
}
