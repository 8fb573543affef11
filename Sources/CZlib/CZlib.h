// zlib from the system (Debian: zlib1g-dev), for gzip. deflateInit2/inflateInit2 are macros, so
// they are wrapped here for Swift.
#include <zlib.h>

/// A deflate stream that writes the gzip format (RFC 1952).
static inline int zm_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

/// An inflate stream that reads the gzip format only.
static inline int zm_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
