import Glibc

/// Unbuffered writes to stdout/stderr: the C `stdout` global is not concurrency-safe in Swift 6, and a
/// harness reading the "listening" line through a pipe must see it at once, not when a buffer fills.
enum StandardStreams {
    static func out(_ line: String) {
        write(1, line + "\n")
    }

    static func error(_ line: String) {
        write(2, line + "\n")
    }

    private static func write(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
