// The command the EmbedAsLiteral plugin runs at build time:
//
//   EmbedAsLiteralTool INPUT OUTPUT TYPE PROPERTY
//
// writes OUTPUT, a Swift file holding INPUT's text unchanged as `extension TYPE { static let PROPERTY }`.
// A string literal, not a SwiftPM resource: `.embedInCode` resources made the build about nine
// times slower (issue 14). Glibc only, no Foundation, so the tool itself builds in a moment.
import Glibc

/// Why INPUT cannot become a literal that reads back as the same bytes; the build stops with it.
struct CannotEmbed: Error, CustomStringConvertible {
    let description: String
}

func readFile(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw CannotEmbed(description: "cannot open \(path): \(String(cString: strerror(errno)))") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        bytes += chunk[..<count]
        if count < chunk.count { break }
    }
    guard ferror(file) == 0 else { throw CannotEmbed(description: "cannot read \(path)") }
    return bytes
}

func writeFile(_ path: String, _ text: String) throws {
    guard let file = fopen(path, "wb") else { throw CannotEmbed(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
    let bytes = Array(text.utf8)
    let written = fwrite(bytes, 1, bytes.count, file)
    guard fclose(file) == 0, written == bytes.count else { throw CannotEmbed(description: "cannot write \(path)") }
}

/// The text inside `#"""…"""#` is taken verbatim except for what ends the literal (`"""#`), what
/// starts an escape in it (`\#`), and line endings (the compiler reads `\r\n` as `\n`). Searched
/// as bytes, as the compiler reads them: as characters, `\r\n` is one that is not `\r`.
func literal(of bytes: [UInt8], path: String) throws -> String {
    guard let text = String(validating: bytes, as: UTF8.self) else { throw CannotEmbed(description: "\(path) is not UTF-8") }
    for (forbidden, name) in [("\"\"\"#", "`\"\"\"#`"), ("\\#", "`\\#`"), ("\r", "a carriage return")] {
        let needle = Array(forbidden.utf8)
        if bytes.indices.contains(where: { bytes[$0...].starts(with: needle) }) {
            throw CannotEmbed(description: "\(path) cannot be embedded verbatim: it contains \(name)")
        }
    }
    return text
}

/// Writes to file descriptor 2: the C `stderr` global is not concurrency-safe in Swift 6.
func fail(_ message: String, status: Int32) -> Never {
    let line = Array("EmbedAsLiteralTool: \(message)\n".utf8)
    _ = write(2, line, line.count)
    exit(status)
}

let arguments = CommandLine.arguments
guard arguments.count == 5 else { fail("usage: EmbedAsLiteralTool INPUT OUTPUT TYPE PROPERTY", status: 64) }
let (input, output, type, property) = (arguments[1], arguments[2], arguments[3], arguments[4])
do {
    let text = try literal(of: try readFile(input), path: input)
    // In a multi-line literal the newline before the closing delimiter is not part of the string,
    // so one extra newline keeps the file's own final newline.
    try writeFile(output, """
        // Generated at build time by the EmbedAsLiteral plugin from \(input). Do not edit.

        extension \(type) {
            static let \(property) = #\"""
        \(text)
        \"""#
        }

        """)
} catch {
    fail("\(error)", status: 1)
}
