/// The state log's bytes (issue 17). A header names the snapshot the log continues, then
/// records follow, each framed so that a torn or damaged one is recognised:
///
///     header: "ZISLOG1\n" · snapshot length (UInt64 LE) · snapshot CRC-32 (UInt32 LE) · CRC-32 of the 20 bytes before (UInt32 LE)
///     record: payload length (UInt32 LE) · CRC-32 of length and payload (UInt32 LE) · payload
///
/// The header's snapshot identity is what makes compaction crash-safe: after the new snapshot
/// is renamed into place, the old log names a different snapshot and is known to be covered by
/// it, whether or not the new log was written before the crash.
package enum LogFormat {
    static let magic: [UInt8] = Array("ZISLOG1\n".utf8)
    package static let headerSize = 24
    static let recordHeaderSize = 8

    /// Which snapshot a log continues.
    package struct SnapshotIdentity: Equatable, Sendable {
        package let length: UInt64
        package let checksum: UInt32

        package init(of snapshot: [UInt8]) {
            length = UInt64(snapshot.count)
            checksum = Checksum.crc32(snapshot)
        }

        init(length: UInt64, checksum: UInt32) {
            self.length = length
            self.checksum = checksum
        }
    }

    package static func header(for snapshot: SnapshotIdentity) -> [UInt8] {
        var bytes = magic
        append(snapshot.length, to: &bytes)
        append(snapshot.checksum, to: &bytes)
        append(Checksum.crc32(bytes), to: &bytes)
        return bytes
    }

    package static func appendRecord(_ payload: [UInt8], to bytes: inout [UInt8]) {
        var length: [UInt8] = []
        append(UInt32(payload.count), to: &length)
        bytes += length
        append(Checksum.crc32(payload, continuing: Checksum.crc32(length)), to: &bytes)
        bytes += payload
    }

    /// What a log file holds: its snapshot, its whole records, and where it stops being whole.
    package struct Contents {
        package let snapshot: SnapshotIdentity
        package let records: [ArraySlice<UInt8>]
        /// Bytes up to the end of the last whole record.
        package let wholeLength: Int
        package let tornTail: TornTail?
    }

    /// A tail that is not a whole record: cut off mid-write, or with a checksum that does not match.
    package struct TornTail: Equatable, Sendable {
        /// 1-based: the record that would have come after the last whole one.
        package let record: Int
        package let offset: Int
        package let droppedBytes: Int
        package let reason: String
    }

    /// nil when the header is not a state log's (wrong magic, or its own checksum fails).
    package static func read(_ bytes: [UInt8]) -> Contents? {
        guard bytes.count >= headerSize, Array(bytes[0..<8]) == magic,
            Checksum.crc32(bytes[0..<20]) == uint32(bytes, at: 20)
        else { return nil }
        let snapshot = SnapshotIdentity(length: uint64(bytes, at: 8), checksum: uint32(bytes, at: 16))
        var records: [ArraySlice<UInt8>] = []
        var offset = headerSize
        var torn: String?
        while offset < bytes.count {
            guard bytes.count - offset >= recordHeaderSize else {
                torn = "its length and checksum are cut off"
                break
            }
            let length = Int(uint32(bytes, at: offset))
            let end = offset + recordHeaderSize + length
            guard end <= bytes.count else {
                torn = "it is cut off after \(bytes.count - offset - recordHeaderSize) of its \(length) bytes"
                break
            }
            let payload = bytes[(offset + recordHeaderSize)..<end]
            guard Checksum.crc32(payload, continuing: Checksum.crc32(bytes[offset..<(offset + 4)])) == uint32(bytes, at: offset + 4) else {
                torn = "its checksum does not match"
                break
            }
            records.append(payload)
            offset = end
        }
        let tail = torn.map { TornTail(record: records.count + 1, offset: offset, droppedBytes: bytes.count - offset, reason: $0) }
        return Contents(snapshot: snapshot, records: records, wholeLength: offset, tornTail: tail)
    }

    private static func append<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    private static func uint64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }
}
