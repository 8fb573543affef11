import Glibc

/// A failed system call, named with the errno it set, so a log line says what went wrong where.
package struct SocketError: Error, CustomStringConvertible, Sendable, Equatable {
    package let call: String
    package let errno: Int32

    package init(_ call: String, errno: Int32 = Glibc.errno) {
        self.call = call
        self.errno = errno
    }

    package var description: String {
        "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
