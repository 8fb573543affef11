import Glibc
import ZISMockBasics

/// Parses a request head from bytes (and the head before it) as a pure function, picohttpparser-style:
/// it either finds a whole head, says more bytes are needed, or refuses the bytes. It never reads past
/// `bytes` and checks every limit while the head is still incomplete, so a client cannot make it wait
/// on an endless line.
///
/// `previous`, the head before this one on the connection, only saves work. A client on a
/// kept-alive connection sends the same `Host`, `Authorization`, `User-Agent` and `Accept` every
/// time, often to the URL it polls, and reading them again cost more than the rest of a request:
/// - a request line, or a block of header fields, with exactly the previous one's bytes is read
///   as that one was (it passed the same checks, under the same limits);
/// - otherwise a field with the bytes of the previous head's field at its position, and a target
///   with the previous target's bytes, are handed out as those strings, each of which would
///   otherwise be an allocation and a copy;
/// - fields that repeat the previous head's all, in the same version, frame the message as they
///   did then.
package enum HTTPHeadParser {
    package enum Result {
        case incomplete
        /// `consumed` counts the head's bytes, through the blank line.
        case complete(HTTPRequestHead, consumed: Int)
        case failed(HTTPRequestFailure)
    }

    /// A head on its own, with nothing before it to reuse.
    package static func parse(_ bytes: UnsafeRawBufferPointer, limits: HTTPLimits) -> Result {
        var previous = Previous()
        return parse(bytes, limits: limits, previous: &previous)
    }

    /// A head after `previous`, which becomes this one when it is complete.
    package static func parse(_ bytes: UnsafeRawBufferPointer, limits: HTTPLimits, previous: inout Previous) -> Result {
        var cursor = ByteCursor(bytes: bytes)
        // RFC 9112 §2.2: ignore empty lines before a request line (some clients send CRLF after a body).
        while cursor.peek(0) == .cr, cursor.peek(1) == .lf { cursor.advance(2) }
        // A read may end between the CR and the LF of such a line: wait for the LF, do not refuse.
        if cursor.peek(0) == .cr, cursor.peek(1) == nil { return .incomplete }
        let lineStart = cursor.offset
        let line: RequestLine
        let lineRepeats = cursor.skip(previous.lineBytes)
        if lineRepeats {
            line = previous.line
        } else {
            switch parseRequestLine(&cursor, previousTarget: previous.line.target) {
            case .incomplete:
                return cursor.count - lineStart > limits.maxRequestLineBytes ? .failed(.uriTooLong) : .incomplete
            case .failed(let failure):
                return .failed(failure)
            case .parsed(let parsed):
                if cursor.offset - lineStart > limits.maxRequestLineBytes { return .failed(.uriTooLong) }
                line = parsed
            }
        }
        let headersStart = cursor.offset
        let headers: HTTPHeaders
        let fieldsRepeat = cursor.skip(previous.fieldBytes)
        var repeatsPrevious = fieldsRepeat
        if fieldsRepeat {
            headers = previous.headers
        } else {
            switch parseHeaders(&cursor, limits: limits, previous: previous.headers) {
            case .incomplete:
                return cursor.count - headersStart > limits.maxHeaderBytes ? .failed(.headersTooLarge) : .incomplete
            case .failed(let failure):
                return .failed(failure)
            case .parsed(let (parsed, repeated)):
                if cursor.offset - headersStart > limits.maxHeaderBytes { return .failed(.headersTooLarge) }
                (headers, repeatsPrevious) = (parsed, repeated)
            }
        }
        let repeatedFraming = repeatsPrevious && previous.line.version == line.version ? previous.framing : nil
        switch repeatedFraming.map({ .success($0) }) ?? HTTPMessageFraming.derive(version: line.version, headers: headers, limits: limits) {
        case .failure(let failure):
            return .failed(failure)
        case .success(let framing):
            if !lineRepeats { previous.remember(line, bytes: UnsafeRawBufferPointer(rebasing: bytes[lineStart..<headersStart])) }
            if !fieldsRepeat { previous.remember(headers, bytes: UnsafeRawBufferPointer(rebasing: bytes[headersStart..<cursor.offset])) }
            previous.framing = framing
            let head = HTTPRequestHead(
                method: line.method, target: line.target, version: line.version, headers: headers,
                bodyFraming: framing.body, keepAlive: framing.keepAlive, expectsContinue: framing.expectsContinue)
            return .complete(head, consumed: cursor.offset)
        }
    }

    /// What a head may reuse of the one before it on the connection: its request line and its
    /// block of fields, each as sent and as read.
    package struct Previous {
        fileprivate var lineBytes: [UInt8] = []
        fileprivate var line = RequestLine(method: "", target: "", version: .http11)
        fileprivate var fieldBytes: [UInt8] = []
        fileprivate var headers = HTTPHeaders()
        /// nil before the first head.
        fileprivate var framing: HTTPMessageFraming?

        package init() {}

        // The bytes go into the arrays' own room: a client whose heads differ would otherwise
        // pay an allocation for each.
        fileprivate mutating func remember(_ line: RequestLine, bytes: UnsafeRawBufferPointer) {
            self.line = line
            lineBytes.replaceSubrange(lineBytes.indices, with: bytes)
        }

        fileprivate mutating func remember(_ headers: HTTPHeaders, bytes: UnsafeRawBufferPointer) {
            self.headers = headers
            fieldBytes.replaceSubrange(fieldBytes.indices, with: bytes)
        }
    }

    fileprivate struct RequestLine {
        var method: String
        var target: String
        var version: HTTPVersion
    }

    private enum Step<Value> {
        case incomplete
        case failed(HTTPRequestFailure)
        case parsed(Value)
    }

    private static func parseRequestLine(_ cursor: inout ByteCursor, previousTarget: String) -> Step<RequestLine> {
        guard let method = cursor.take(while: { $0.isHTTPTokenCharacter }) else { return .incomplete }
        guard !method.isEmpty else { return .failed(.malformed("The request line does not start with a method.")) }
        guard let space = cursor.next() else { return .incomplete }
        guard space == .space else { return .failed(.malformed("The method contains a character that is not allowed.")) }
        guard let target = cursor.take(while: { $0.isTargetCharacter }, wordsIn: 0x21, 0x7E) else { return .incomplete }
        guard !target.isEmpty else { return .failed(.malformed("The request target is missing.")) }
        guard let afterTarget = cursor.next() else { return .incomplete }
        guard afterTarget == .space else { return .failed(.malformed("The request target contains a character that is not allowed.")) }
        let versionText: StaticString = "HTTP/1.1"
        var version: HTTPVersion = .http11
        for index in 0..<versionText.utf8CodeUnitCount {
            let expected = versionText.utf8Start[index]
            guard let byte = cursor.next() else { return .incomplete }
            if index == 7, byte == UInt8(ascii: "0") {
                version = .http10
                continue
            }
            if byte != expected {
                return index >= 5 && byte.isASCIIDigit ? .failed(.versionNotSupported) : .failed(.malformed("The HTTP version is not valid."))
            }
        }
        switch cursor.lineEnd() {
        case nil: return .incomplete
        case false?: return .failed(.malformed("The request line must end with CRLF."))
        case true?:
            let targetBytes = UnsafeRawBufferPointer(rebasing: target)
            return .parsed(RequestLine(
                method: TextTable.methods.text(of: UnsafeRawBufferPointer(rebasing: method)),
                target: previousTarget.hasUTF8(targetBytes) ? previousTarget : String(decoding: targetBytes, as: UTF8.self),
                version: version))
        }
    }

    private static func parseHeaders(_ cursor: inout ByteCursor, limits: HTTPLimits, previous: HTTPHeaders) -> Step<(HTTPHeaders, repeatsPrevious: Bool)> {
        // While every field so far repeats the previous head's at its position, nothing is built:
        // a head that repeats them all is handed out as the previous head's fields, the same
        // array, and the first field that differs copies the repeated ones over.
        var repeating = 0
        var stillRepeating = true
        var headers = HTTPHeaders()
        while true {
            guard let first = cursor.peek(0) else { return .incomplete }
            if first == .cr || first == .lf {
                switch cursor.lineEnd() {
                case nil: return .incomplete
                case false?: return .failed(.malformed("Header lines must end with CRLF."))
                case true?:
                    guard stillRepeating else { return .parsed((headers, false)) }
                    return repeating == previous.count ? .parsed((previous, true)) : .parsed((previous.leading(repeating), false))
                }
            }
            if first == .space || first == .tab { return .failed(.malformed("Folded header lines are not allowed.")) }
            guard (stillRepeating ? repeating : headers.count) < limits.maxHeaderCount else { return .failed(.headersTooLarge) }
            guard let name = cursor.take(while: { $0.isHTTPTokenCharacter }) else { return .incomplete }
            guard let colon = cursor.next() else { return .incomplete }
            guard !name.isEmpty, colon == .colon else { return .failed(.malformed("A header name contains a character that is not allowed.")) }
            guard cursor.take(while: { $0.isASCIIBlank }) != nil else { return .incomplete }
            guard var value = cursor.take(while: { $0.isFieldValueCharacter }, wordsIn: 0x20, 0x7E) else { return .incomplete }
            switch cursor.lineEnd() {
            case nil: return .incomplete
            case false?: return .failed(.malformed("A header value contains a character that is not allowed."))
            case true?: break
            }
            while let last = value.last, last.isASCIIBlank { value = value.dropLast() }
            let (nameBytes, valueBytes) = (UnsafeRawBufferPointer(rebasing: name), UnsafeRawBufferPointer(rebasing: value))
            if stillRepeating {
                if previous.hasField(at: repeating, nameBytes, valueBytes) {
                    repeating += 1
                    continue
                }
                // Clients send a handful of fields (curl 3, browsers about 10).
                headers = previous.leading(repeating, reservingCapacity: 12)
                stillRepeating = false
            }
            if let repeated = previous.field(at: headers.count, ifItHas: nameBytes, valueBytes) {
                headers.append(name: repeated.name, value: repeated.value)
            } else {
                headers.append(name: TextTable.headerNames.text(of: nameBytes), value: String(decoding: valueBytes, as: UTF8.self))
            }
        }
    }
}

/// Reads forward through a buffer; every read says `nil` when the bytes run out.
struct ByteCursor {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var count: Int { bytes.count }

    func peek(_ ahead: Int) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    mutating func advance(_ count: Int) {
        offset += count
    }

    mutating func next() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// The run of bytes that satisfy `accept`, or nil if the buffer ends inside the run. Inlined with
    /// its predicate, so a byte costs a compare or two: it runs over every byte of every head.
    @inline(__always)
    mutating func take(while accept: (UInt8) -> Bool) -> Slice<UnsafeRawBufferPointer>? {
        // A local index over the base pointer: the compiler keeps it in a register, where the
        // stored offset and the bounds-checked subscript cost a load, a store and a check a byte.
        let start = offset
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        let end = bytes.count
        while index < end, accept(base.load(fromByteOffset: index, as: UInt8.self)) { index += 1 }
        offset = index
        return index < end ? bytes[start..<index] : nil
    }

    /// `take(while:)` for a run most of whose bytes lie in `low...high`, a subset of what `accept`
    /// takes: while eight bytes at a time all do, they are passed over in one step, and `accept`
    /// decides from the first word that holds anything else on. A target or a header value is
    /// most of a head's bytes. `low` must be above 0, `high` below 0x80.
    @inline(__always)
    mutating func take(while accept: (UInt8) -> Bool, wordsIn low: UInt8, _ high: UInt8) -> Slice<UnsafeRawBufferPointer>? {
        let start = offset
        guard let base = bytes.baseAddress else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits = ones &* 0x80
        let (aboveHigh, belowLow) = (ones &* UInt64(0x7F - high), ones &* UInt64(0x80 - low))
        var index = start
        while index + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // No byte of 0x80 or more (so no carry between bytes below), none above high, none below low.
            guard word & highBits == 0, (word &+ aboveHigh) & highBits == 0, ~(word &+ belowLow) & highBits == 0 else { break }
            index += 8
        }
        offset = index
        guard take(while: accept) != nil else { return nil }
        return bytes[start..<offset]
    }

    /// Moves past `expected` if the bytes go on with exactly it; false, not moving, if not (or
    /// if `expected` is empty).
    mutating func skip(_ expected: [UInt8]) -> Bool {
        guard !expected.isEmpty, bytes.count - offset >= expected.count else { return false }
        let same = expected.withUnsafeBytes { memcmp(bytes.baseAddress! + offset, $0.baseAddress!, expected.count) == 0 }
        if same { offset += expected.count }
        return same
    }

    /// true after CRLF, false for anything else (a bare LF or CR included), nil if the bytes run out.
    mutating func lineEnd() -> Bool? {
        guard let first = peek(0) else { return nil }
        guard first == .cr else { return false }
        guard let second = peek(1) else { return nil }
        guard second == .lf else { return false }
        offset += 2
        return true
    }
}
