import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1, port 0, that records every request (method, path, headers,
/// body) and answers from a queue of canned replies (200 `ok` once the queue is empty). One connection
/// at a time, `Connection: close`: enough for one notifier attempt per request, with real sockets so the
/// project's libcurl client is what talks to it.
final class CaptureServer: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Reply: Sendable {
        var status: Int
        var headers: [(name: String, value: String)] = []
        var body: String = ""
        /// Hold the connection this long without answering, then close it (to provoke a client timeout).
        var hang: Duration?

        static let ok = Reply(status: 200, body: "ok")
    }

    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var recorded: [Request] = []
    private var queue: [Reply]
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    var url: String { "http://127.0.0.1:\(port)" }

    /// The requests received so far.
    var requests: [Request] { lock.withLock { recorded } }

    init(replies: [Reply] = []) throws {
        queue = replies
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CaptureError.socket("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw CaptureError.socket("bind/listen")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serve() }
        thread.name = "capture-server"
        thread.start()
    }

    /// Stops accepting and waits (at most 2 s) for the loop to end.
    func stop() {
        lock.withLock { stopped = true }
        _ = done.wait(timeout: .now() + 2)
        close(listener)
    }

    deinit {
        if !lock.withLock({ stopped }) { stop() }
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then released).
    static func closedPort() -> Int {
        guard let server = try? CaptureServer() else { return 9 }
        let port = server.port
        server.stop()
        return port
    }

    private func serve() {
        defer { done.signal() }
        // poll with a short timeout so stop() is noticed within 100 ms; bounded by `stopped`.
        while !lock.withLock({ stopped }) {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            handle(connection)
            close(connection)
        }
    }

    private func handle(_ connection: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int?
        var contentLength = 0
        while true {
            if let end = headerEnd, data.count >= end + contentLength { break }
            let n = read(connection, &buffer, buffer.count)
            if n <= 0 { return }
            data += buffer[0..<n]
            if headerEnd == nil, let end = Self.find([13, 10, 13, 10], in: data) {
                headerEnd = end + 4
                let head = String(decoding: data[0..<end], as: UTF8.self)
                for line in head.split(separator: "\r\n").dropFirst() where line.lowercased().hasPrefix("content-length:") {
                    contentLength = Int(line.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
        }
        guard let end = headerEnd else { return }
        let lines = String(decoding: data[0..<(end - 4)], as: UTF8.self).split(separator: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return (String(parts[0]), parts[1].trimmingCharacters(in: .whitespaces))
        }
        let request = Request(
            method: requestLine.count > 0 ? String(requestLine[0]) : "",
            path: requestLine.count > 1 ? String(requestLine[1]) : "",
            headers: headers, body: Array(data[end..<(end + contentLength)]))
        let reply = lock.withLock { () -> Reply in
            recorded.append(request)
            return queue.isEmpty ? .ok : queue.removeFirst()
        }
        if let hang = reply.hang {
            // Sleep in slices so stop() is not held up by a long hang.
            let until = ContinuousClock.now + hang
            while ContinuousClock.now < until, !lock.withLock({ stopped }) { Thread.sleep(forTimeInterval: 0.05) }
            return
        }
        var response = "HTTP/1.1 \(reply.status) X\r\nContent-Length: \(reply.body.utf8.count)\r\nConnection: close\r\n"
        for header in reply.headers { response += "\(header.name): \(header.value)\r\n" }
        response += "\r\n" + reply.body
        let bytes = Array(response.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            sent += n
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }
}

enum CaptureError: Error {
    case socket(String)
}
