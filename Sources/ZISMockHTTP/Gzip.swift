import CZlib

/// gzip (RFC 1952) through the system's zlib.
enum Gzip {
    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8]? {
        var stream = z_stream()
        guard zm_deflate_init_gzip(&stream, level) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))))
        let status = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    enum DecompressionFailure: Error {
        case corrupt
        case tooLarge
    }

    /// Inflates at most `limit` bytes: a small "gzip bomb" must not become a large allocation.
    static func decompress(_ bytes: [UInt8], limit: Int) throws(DecompressionFailure) -> [UInt8] {
        var stream = z_stream()
        guard zm_inflate_init_gzip(&stream) == Z_OK else { throw .corrupt }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var status = Z_OK
        try bytes.withUnsafeBufferPointer { input throws(DecompressionFailure) in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while status != Z_STREAM_END {
                status = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard output.count + produced <= limit else { throw .tooLarge }
                output.append(contentsOf: chunk[0..<produced])
                guard status == Z_OK || status == Z_STREAM_END else { throw .corrupt }
                if status == Z_OK, produced == 0, stream.avail_in == 0 { throw .corrupt }  // truncated input
            }
        }
        guard stream.avail_in == 0 else { throw .corrupt }  // bytes after the gzip member
        return output
    }
}
