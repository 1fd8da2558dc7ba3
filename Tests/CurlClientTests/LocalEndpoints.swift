import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Real local endpoints that produce each transport failure, on 127.0.0.1 only.
enum LocalEndpoints {
    /// A port with nothing listening: bind, note the port, close.
    static func closedPort() throws -> Int {
        let listener = try TCPListener(backlog: 1)
        let port = listener.port
        listener.close()
        return port
    }
}

/// A listening TCP socket on 127.0.0.1 that never calls accept(): connections complete in the kernel,
/// requests are never answered.
final class TCPListener: @unchecked Sendable {
    let fd: Int32
    let port: Int
    private var fillers: [Int32] = []

    struct SocketError: Error { let call: String }

    init(backlog: Int32) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, backlog) == 0 else { throw SocketError(call: "bind/listen") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Fills the accept queue so the kernel drops further SYNs: new connects time out.
    func fillBacklog(connections: Int) {
        for _ in 0..<connections {
            let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            fillers.append(client)
        }
        usleep(200_000)
    }

    func close() {
        for filler in fillers { Glibc.close(filler) }
        fillers.removeAll()
        Glibc.close(fd)
    }

    deinit { close() }
}

/// Runs `Tests/Support/tls_server.py`: HTTPS endpoints with a good, expired, wrong-name and self-signed
/// certificate (test CA made at run time), and a plain-HTTP port. Stopped by PID when released.
final class TLSEndpoints: @unchecked Sendable {
    let folder: URL
    let ports: [String: Int]
    private let process: Process

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pulldoctor-tls-\(UUID().uuidString)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Support/tls_server.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line names the ports; bounded by the script's own start-up (it exits on error).
        let line = output.fileHandleForReading.readLine()
        guard let data = line?.data(using: .utf8),
              let ports = try JSONSerialization.jsonObject(with: data) as? [String: Int] else {
            process.terminate()
            throw TCPListener.SocketError(call: "tls_server.py did not start")
        }
        self.ports = ports
    }

    var caFile: String { folder.appendingPathComponent("ca.pem").path }

    func url(_ variant: String) -> String { "https://127.0.0.1:\(ports[variant]!)/" }

    /// Stops the server by PID: SIGTERM, then SIGKILL if it is still there after 2 s. Polls rather than
    /// `waitUntilExit`, which spins a run loop on Linux.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<40 where process.isRunning { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }
}

extension FileHandle {
    /// Reads up to a newline (for a child's first line of output).
    func readLine() -> String? {
        var bytes: [UInt8] = []
        while true {
            let chunk = readData(ofLength: 1)
            guard let byte = chunk.first else { break }
            if byte == 0x0A { break }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
