import Foundation

/// Runs a command line tool (kubectl, promtool) with a deadline, for tests.
enum ProcessRunner {
    struct Result {
        /// The exit status; -1 when the deadline killed the process.
        let status: Int32
        /// What it wrote to stdout.
        let stdout: String
        /// What it wrote to stderr.
        let stderr: String
        /// stdout then stderr, for assertion messages.
        var output: String { stdout + stderr }
    }

    /// Runs `path` with `arguments`, feeding `stdin`, and kills it (by its PID) if it outlives `timeout`.
    ///
    /// Waits with `Task.sleep`, never blocking a thread: an in-process kubesim answering the tool shares the
    /// (two-thread) concurrency pool with the test.
    static func run(
        _ path: String, _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil,
        timeout: Duration
    ) async throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kubesim-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = outHandle
        process.standardError = errHandle
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()

        let deadline = ContinuousClock.now.advanced(by: timeout)
        while process.isRunning && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        var status = Int32(-1)
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        } else {
            status = process.terminationStatus
        }
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Result(status: status, stdout: stdout, stderr: stderr)
    }
}
