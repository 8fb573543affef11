import Glibc

/// An IPv4 or IPv6 socket address as a value.
package enum SocketAddress: Sendable, CustomStringConvertible {
    case ipv4(sockaddr_in)
    case ipv6(sockaddr_in6)

    /// Parses a numeric host (`127.0.0.1`, `::1`, `[::1]`) or resolves a name such as `localhost`.
    package init(host: String, port: UInt16) throws(SocketError) {
        var bare = host
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, bare, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
            self = .ipv4(v4)
            return
        }
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET6, bare, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = port.bigEndian
            self = .ipv6(v6)
            return
        }
        self = try Self.resolve(name: bare, port: port)
    }

    private static func resolve(name: String, port: UInt16) throws(SocketError) -> SocketAddress {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &found)
        guard status == 0, let first = found else { throw SocketError("getaddrinfo(\(name))", errno: EINVAL) }
        defer { freeaddrinfo(found) }
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            if current.pointee.ai_family == AF_INET, let raw = current.pointee.ai_addr {
                var v4 = UnsafeRawPointer(raw).load(as: sockaddr_in.self)
                v4.sin_port = port.bigEndian
                return .ipv4(v4)
            }
            if current.pointee.ai_family == AF_INET6, let raw = current.pointee.ai_addr {
                var v6 = UnsafeRawPointer(raw).load(as: sockaddr_in6.self)
                v6.sin6_port = port.bigEndian
                return .ipv6(v6)
            }
            entry = current.pointee.ai_next
        }
        throw SocketError("getaddrinfo(\(name))", errno: EADDRNOTAVAIL)
    }

    /// Reads back an address the kernel filled in (getsockname, accept).
    init?(storage: sockaddr_storage) {
        var copy = storage
        switch Int32(storage.ss_family) {
        case AF_INET: self = .ipv4(withUnsafeBytes(of: &copy) { $0.load(as: sockaddr_in.self) })
        case AF_INET6: self = .ipv6(withUnsafeBytes(of: &copy) { $0.load(as: sockaddr_in6.self) })
        default: return nil
        }
    }

    package var family: Int32 {
        switch self {
        case .ipv4: AF_INET
        case .ipv6: AF_INET6
        }
    }

    package var port: UInt16 {
        switch self {
        case .ipv4(let address): UInt16(bigEndian: address.sin_port)
        case .ipv6(let address): UInt16(bigEndian: address.sin6_port)
        }
    }

    /// The numeric host: `127.0.0.1`, `::1`.
    package var host: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        switch self {
        case .ipv4(var address): inet_ntop(AF_INET, &address.sin_addr, &text, socklen_t(text.count))
        case .ipv6(var address): inet_ntop(AF_INET6, &address.sin6_addr, &text, socklen_t(text.count))
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `127.0.0.1:8080` or `[::1]:8080`, the form a URL authority takes.
    package var description: String {
        switch self {
        case .ipv4: "\(host):\(port)"
        case .ipv6: "[\(host)]:\(port)"
        }
    }

    func withSocketAddress<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        switch self {
        case .ipv4(var address):
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        case .ipv6(var address):
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
    }
}
