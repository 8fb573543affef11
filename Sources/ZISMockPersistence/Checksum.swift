import CZlib

/// CRC-32 (zlib's, the one gzip and PNG use): strong enough to tell a whole record from one a
/// power loss tore or a disk flipped a bit in, and already linked for gzip.
enum Checksum {
    static func crc32<Bytes: Collection<UInt8>>(_ bytes: Bytes, continuing start: UInt32 = 0) -> UInt32 {
        let value = bytes.withContiguousStorageIfAvailable { buffer in
            CZlib.crc32(UInt(start), buffer.baseAddress, UInt32(buffer.count))
        } ?? Array(bytes).withUnsafeBufferPointer { CZlib.crc32(UInt(start), $0.baseAddress, UInt32($0.count)) }
        return UInt32(truncatingIfNeeded: value)
    }
}
