import Config
import CurlClient
import Foundation
import Logging
import Server
import ServiceLifecycle
import Synchronization
import Telemetry

/// Runs the real application (`buildApplication`, as `pulldoctor serve` does) on 127.0.0.1 and a free
/// port, for the length of `body`. Log lines are captured for assertions.
struct TestServer {
    let port: Int
    let client: CurlClient
    let logs: LogOutput
    var base: String { "http://127.0.0.1:\(port)" }

    static func with<T: Sendable>(
        config: PullDoctorConfig = PullDoctorConfig(), configPath: String? = nil,
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        var config = config
        config.web.listenAddress = "127.0.0.1:0"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pd-store-\(UUID().uuidString)")
        if config.store.path == StoreConfig().path { config.store.path = folder.appendingPathComponent("pulldoctor.sqlite").path }
        defer { try? FileManager.default.removeItem(at: folder) }
        let logs = LogOutput(capture: true)
        let logger = Logger(label: "pulldoctor-test") { label in
            LineLogHandler(label: label, level: .debug, format: .logfmt, output: logs)
        }
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = try buildApplication(ServerOptions(
            config: config, configPath: configPath, logger: logger, onListening: { portSink.yield($0) }))
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let client = CurlClient()
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let server = TestServer(port: port, client: client, logs: logs)
            defer { client.shutdown() }
            do {
                let result = try await body(server)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    func post(_ path: String, body: String, contentType: String? = "application/json",
              headers: [(name: String, value: String)] = []) async throws -> HTTPResponse {
        var all = headers
        if let contentType { all.append((name: "Content-Type", value: contentType)) }
        return try await client.send(HTTPRequest(method: "POST", url: base + path, headers: all, body: Array(body.utf8)))
    }

    func get(_ path: String, headers: [(name: String, value: String)] = []) async throws -> HTTPResponse {
        try await client.send(HTTPRequest(url: base + path, headers: headers))
    }

    /// The value of one series in the `/metrics` text, e.g. `pulldoctor_webhook_requests_total{code="200"}`.
    func metric(_ series: String) async throws -> Double? {
        let text = try await get("/metrics").text
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }
}

enum Fixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}
