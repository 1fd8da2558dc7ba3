import Foundation

/// Debian's headless Chromium, driven through its command-line switches: `--dump-dom` prints the DOM
/// after scripts ran, `--screenshot` writes a PNG, and `--enable-logging=stderr` prints every console
/// message (script errors, Content-Security-Policy violations) as an `INFO:CONSOLE` line on stderr.
struct Chromium {
    /// The browser found on this machine: `PULLDOCTOR_CHROMIUM`, or Debian's `chromium` (apt-get install
    /// chromium), or another usual name; nil when there is none.
    static let executable: String? = {
        var candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        if let chosen = ProcessInfo.processInfo.environment["PULLDOCTOR_CHROMIUM"], !chosen.isEmpty {
            candidates.insert(chosen, at: 0)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// What one run printed.
    struct Run {
        let stdout: String
        let stderr: String
        let status: Int32

        /// The console messages the pages produced.
        var consoleMessages: [String] {
            stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        }

        /// Lines that mean a policy blocked something or a script failed, wherever Chromium logged them.
        var violations: [String] {
            stderr.split(separator: "\n").filter {
                $0.contains(":CONSOLE") || $0.contains("Refused to") || $0.contains("Content Security Policy")
                    || $0.contains("Uncaught")
            }.map(String.init)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let path: String
    /// A profile folder of our own, so runs never share state with each other or a person's browser.
    let profile: URL

    init(path: String) throws {
        self.path = path
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("pulldoctor-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: profile)
    }

    /// The DOM of `url` after its scripts ran, in a window `width` × `height`; `extra` switches are added
    /// (`--virtual-time-budget=MS` lets timers and promises settle first).
    func dumpDOM(_ url: String, width: Int = 1280, height: Int = 900, extra: [String] = []) async throws -> Run {
        try await run(["--window-size=\(width),\(height)"] + extra + ["--dump-dom", url])
    }

    /// Writes a PNG of the first `height` pixels of `url` at `width`.
    func screenshot(_ url: String, to file: URL, width: Int, height: Int) async throws -> Run {
        try await run(["--window-size=\(width),\(height)", "--hide-scrollbars", "--screenshot=\(file.path)", url])
    }

    /// Runs the browser once, with a 60 s deadline. Output goes to files rather than pipes, so a large
    /// DOM can never fill a pipe and stall the browser.
    private func run(_ arguments: [String]) async throws -> Run {
        let out = profile.appendingPathComponent("stdout-\(UUID().uuidString).txt")
        let err = profile.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-dev-shm-usage", "--force-device-scale-factor=1",
            "--user-data-dir=\(profile.appendingPathComponent("data").path)",
            "--enable-logging=stderr", "--v=0",
        ] + arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "chromium did not finish within 60 s: \(arguments)")
        }
        process.waitUntilExit()
        return Run(stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "",
                   status: process.terminationStatus)
    }
}
