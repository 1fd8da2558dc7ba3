import CurlClient
import Foundation
import Kube
import KubeSim
import Logging

/// Paths to the test fixtures and small helpers shared by the suites.
enum TestFixtures {
    /// `Tests/KubeTests/Fixtures`.
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// `Tests/Fixtures/clusters`: the scenario clusters kubesim serves.
    static let clusters = URL(fileURLWithPath: root).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/clusters").path

    /// A kubeconfig fixture's absolute path.
    static func kubeconfig(_ name: String) -> String {
        "\(root)/kubeconfig/\(name)"
    }

    /// The bytes of an object fixture.
    static func object(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: "\(root)/objects/\(name)"))
    }

    /// One libcurl client for the whole test process (it owns a thread).
    static let curl = CurlClient()

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "kube-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The fake plugins keep their executable bit in git, but make sure of it so a checkout that lost it
    /// fails no test for that reason.
    static func ensurePluginsExecutable() {
        let folder = "\(root)/kubeconfig/plugins"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(folder)/\(name)")
        }
    }

    /// Starts kubesim on a free loopback port with one scenario cluster.
    static func startKubeSim(_ scenario: String) async throws -> RunningKubeSim {
        var logger = Logger(label: "kubesim-test")
        logger.logLevel = .error
        let values = ["REGISTRY_OPEN": "127.0.0.1:5000", "REGISTRY_AUTH": "127.0.0.1:5001", "REGISTRY_TLS": "127.0.0.1:5443"]
        return try await KubeSimServer.load(fixtures: "\(clusters)/\(scenario)", values: values, logger: logger).start()
    }

    /// A client for a running kubesim, with `namespace` as the default namespace.
    static func client(
        for sim: RunningKubeSim, namespace: String = "default", options: KubeClientOptions = KubeClientOptions(),
        observer: (any KubeRequestObserver)? = nil
    ) -> KubeClient {
        let connection = KubeConnection(server: sim.baseURL, proxy: .none, namespace: namespace, origin: "kubesim")
        return KubeClient(connection: connection, transport: curl, options: options, observer: observer)
    }

    /// Runs a command to completion (for openssl); throws with its stderr when it fails.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(command: ([executable] + arguments).joined(separator: " "), stderr: String(decoding: errorText, as: UTF8.self))
        }
        return String(decoding: text, as: UTF8.self)
    }

    struct CommandFailed: Error, CustomStringConvertible {
        var command: String
        var stderr: String
        var description: String { "\(command) failed: \(stderr)" }
    }
}

/// Collects observer records for assertions.
final class RecordingObserver: KubeRequestObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [KubeRequestRecord] = []

    func kubeRequestFinished(_ record: KubeRequestRecord) {
        lock.withLock { stored.append(record) }
    }

    var records: [KubeRequestRecord] { lock.withLock { stored } }
}

/// A transport that records requests and answers from a script, for header and retry tests.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [Result<HTTPResponse, TransportError>]
    private var sent: [HTTPRequest] = []

    init(_ answers: [Result<HTTPResponse, TransportError>]) {
        self.answers = answers
    }

    /// A JSON response.
    static func json(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> Result<HTTPResponse, TransportError> {
        .success(HTTPResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(body.utf8), effectiveURL: ""))
    }

    var requests: [HTTPRequest] { lock.withLock { sent } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let answer: Result<HTTPResponse, TransportError> = lock.withLock {
            sent.append(request)
            return answers.isEmpty
                ? .failure(TransportError(kind: .other, detail: "script exhausted", host: "test")) : answers.removeFirst()
        }
        return try answer.get()
    }
}
