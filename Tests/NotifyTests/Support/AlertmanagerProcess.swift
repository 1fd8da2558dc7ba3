import CurlClient
import Foundation

/// A real Alertmanager (Debian's `prometheus-alertmanager`) started by hand on 127.0.0.1 with clustering
/// off, for the tests that talk to its API. Stopped by PID: SIGTERM, then SIGKILL after a short wait
/// (processes spawned from test threads inherit a signal mask with SIGTERM blocked).
final class AlertmanagerProcess: @unchecked Sendable {
    static let binary = "/usr/bin/prometheus-alertmanager"

    let url: String
    private let process: Process
    private let folder: URL

    /// Whether the binary is installed (`apt-get install prometheus-alertmanager`).
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    /// Starts Alertmanager and waits (at most 20 s) until `GET /-/ready` answers 200.
    init(client: CurlClient) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("notify-am-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("alertmanager.yml")
        // One receiver that sends nowhere: the test reads the alerts back through the API.
        try "route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n".write(to: config, atomically: true, encoding: .utf8)
        let port = CaptureServer.closedPort()
        url = "http://127.0.0.1:\(port)"
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = [
            "--config.file=\(config.path)", "--storage.path=\(folder.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=",
        ]
        let log = folder.appendingPathComponent("alertmanager.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        for _ in 0..<200 {
            if !process.isRunning { break }
            if let response = try? await client.send(HTTPRequest(url: url + "/-/ready", timeout: .seconds(1))), response.status == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        stop()
        throw AlertmanagerStartError(output: String(output.suffix(2000)))
    }

    /// The alerts Alertmanager holds (`GET /api/v2/alerts`), decoded.
    func alerts(client: CurlClient) async throws -> [[String: Any]] {
        let response = try await client.send(HTTPRequest(url: url + "/api/v2/alerts", timeout: .seconds(5)))
        return try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]] ?? []
    }

    /// SIGTERM, poll up to 2 s, then SIGKILL and poll up to 2 s more. Never `waitUntilExit` (it spins).
    func stop() {
        let pid = process.processIdentifier
        guard pid > 0 else { return }
        if process.isRunning { kill(pid, SIGTERM) }
        for _ in 0..<20 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        for _ in 0..<20 where process.isRunning { usleep(100_000) }
        try? FileManager.default.removeItem(at: folder)
    }
}

struct AlertmanagerStartError: Error, CustomStringConvertible {
    var output: String
    var description: String { "Alertmanager did not become ready:\n\(output)" }
}
