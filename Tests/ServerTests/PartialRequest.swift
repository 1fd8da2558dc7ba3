import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A request sent by hand over a TCP socket to 127.0.0.1, so a test can stop half-way through the body
/// (something curl does not do) and finish it later. Reads time out after 10 s.
final class PartialRequest {
    private let fd: Int32

    /// Connects and sends the head and the first `sentBytes` of `body`.
    init(port: Int, path: String, body: [UInt8], sentBytes: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket: errno \(errno)") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw Failure("connect: errno \(errno)") }
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        try send(Array(head.utf8) + body.prefix(sentBytes))
    }

    deinit { close(fd) }

    /// Sends the rest of the body and returns the response's status code.
    func finish(_ rest: ArraySlice<UInt8>) throws -> Int {
        try send(Array(rest))
        var response = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while response.count < 65_536 {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            response += buffer[..<n]
            if let text = String(bytes: response, encoding: .utf8), text.contains("\r\n\r\n") { break }
        }
        let statusLine = String(decoding: response.prefix { $0 != 13 }, as: UTF8.self)
        guard let code = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            throw Failure("no status line in \(response.count) bytes")
        }
        return code
    }

    private func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure("send: errno \(errno)") }
            offset += n
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
