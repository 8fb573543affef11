import Glibc
import Logging

/// Where the mock's logs go: standard error, one line an event, in the chosen format and level.
/// Standard output stays free for the machine-readable "listening" line.
public struct LogOutput: Sendable {
    private let writer = LineWriter(descriptor: 2)
    public let format: LogFormat
    public let level: Logger.Level

    public init(format: LogFormat = .text, level: Logger.Level = .info) {
        self.format = format
        self.level = level
    }

    /// A logger that writes through this output.
    public func logger(label: String = "zis-mock") -> Logger {
        Logger(label: label) { _ in LogLineHandler(format: format, level: level, writer: writer) }
    }

    /// Writes out what is buffered; call before the process exits.
    public func flush() {
        writer.flush()
    }
}
