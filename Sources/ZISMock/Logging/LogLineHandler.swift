import Logging
import ZISDomain
import ZISMockBasics

/// The two shapes a log line can take.
public enum LogFormat: String, Sendable, CaseIterable {
    /// `{"time":"…","level":"info","message":"request","method":"GET",…}`, one object a line.
    case json
    /// `2026-11-29T13:55:00.123Z info request method=GET status=200 …`
    case text
}

/// A swift-log handler that formats each event as one line (JSON or text) and hands it to a
/// `LineWriter`, so logging never blocks the thread that logs.
package struct LogLineHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public var metadataProvider: Logger.MetadataProvider?
    private let format: LogFormat
    private let writer: LineWriter

    init(format: LogFormat, level: Logger.Level, writer: LineWriter) {
        self.format = format
        self.logLevel = level
        self.writer = writer
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { $1 } }
        // Log lines say when things happened on the machine, so they keep its time even when a
        // test moves the mock's clock.
        let time = Timestamp.format(millisecondsSinceEpoch: MockClock.system.wallMilliseconds())
        switch format {
        case .json: writer.write(json(time: time, event: event, fields: fields))
        case .text: writer.write(text(time: time, event: event, fields: fields))
        }
    }

    private func json(time: String, event: LogEvent, fields: Logger.Metadata) -> String {
        var line = JSONWriter(reservingCapacity: 256)
        line.raw("{\"time\":")
        line.string(time)
        line.raw(",\"level\":")
        line.string(event.level.rawValue)
        line.raw(",\"message\":")
        line.string(event.message.description)
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            line.raw(",")
            line.string(key)
            line.raw(":")
            Self.write(value, to: &line)
        }
        line.raw("}")
        return String(decoding: line.bytes, as: UTF8.self)
    }

    private static func write(_ value: Logger.Metadata.Value, to line: inout JSONWriter) {
        switch value {
        case .string(let text): line.string(text)
        case .stringConvertible(let number as Int): line.integer(number)
        case .stringConvertible(let other): line.string(other.description)
        case .array(let items):
            line.raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { line.raw(",") }
                write(item, to: &line)
            }
            line.raw("]")
        case .dictionary(let entries):
            line.raw("{")
            for (index, (key, item)) in entries.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { line.raw(",") }
                line.string(key)
                line.raw(":")
                write(item, to: &line)
            }
            line.raw("}")
        }
    }

    private func text(time: String, event: LogEvent, fields: Logger.Metadata) -> String {
        let pairs = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return ([time, event.level.rawValue, event.message.description] + pairs).joined(separator: " ")
    }
}
