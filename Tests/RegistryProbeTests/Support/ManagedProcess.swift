import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process the tests start and stop by PID, with stdout and stderr in one log file.
///
/// Children of Swift test threads inherit a signal mask with SIGTERM blocked, so `stop()` escalates to
/// SIGKILL after a short wait; every wait polls `isRunning` (`waitUntilExit` spins on Linux).
final class ManagedProcess: @unchecked Sendable {
    let name: String
    let log: URL
    private let process: Process

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(name: String, executable: String, arguments: [String], log: URL) throws {
        self.name = name
        self.log = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? handle.close()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// What the process has written so far.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits (by polling, at most `timeout`) for the first line of output.
    func firstLine(timeout: Duration) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = output
            if let newline = text.firstIndex(of: "\n") { return String(text[..<newline]) }
            guard isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "\(name) printed no line within \(timeout): \(output)")
    }

    /// SIGTERM, up to 1 s of polling, then SIGKILL and up to 2 s more.
    func stop() {
        guard process.isRunning else { return }
        kill(pid, SIGTERM)
        for _ in 0..<20 where process.isRunning { usleep(50_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        for _ in 0..<40 where process.isRunning { usleep(50_000) }
    }

    /// Runs a short command to completion (at most `timeout`, then SIGKILL) and returns its output;
    /// throws when it fails.
    static func run(_ executable: String, _ arguments: [String], in folder: URL, timeout: Duration = .seconds(30)) async throws -> String {
        let log = folder.appendingPathComponent("cmd-\(UUID().uuidString).log")
        let child = try ManagedProcess(name: URL(fileURLWithPath: executable).lastPathComponent, executable: executable,
                                       arguments: arguments, log: log)
        let deadline = ContinuousClock.now + timeout
        while child.isRunning && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        if child.isRunning {
            child.stop()
            throw Failure(description: "\(child.name) \(arguments.joined(separator: " ")) did not finish within \(timeout)")
        }
        let output = child.output
        try? FileManager.default.removeItem(at: log)
        guard child.process.terminationStatus == 0 else {
            throw Failure(description: "\(child.name) \(arguments.joined(separator: " ")) failed: \(output)")
        }
        return output
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago (bind to 0, read, close).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
