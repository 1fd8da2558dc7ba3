import ArgumentParser
import Config
import CurlClient
import Diagnosis
import Foundation
import Hummingbird
import KubeSim
import Logging
import Server
import ServiceLifecycle
import Synchronization
import Yams

/// `pulldoctor demo`: PullDoctor and an embedded fixture cluster in one process, for a machine without
/// Kubernetes or the Debian services. It replays the scenarios' alerts through PullDoctor's own webhook and
/// prints each diagnosis. (`make demo` runs the fuller demo with real registries.)
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Diagnose a built-in fixture cluster: no Kubernetes, no registry needed.")

    @Option(name: .customLong("fixtures"), help: "The scenario folders (kubesim fixtures).")
    var fixtures = "Tests/Fixtures/clusters"

    @Option(name: .customLong("web.listen-address"), help: "Where PullDoctor listens during the demo.")
    var listenAddress = "127.0.0.1:9095"

    @Flag(name: .customLong("once"), help: "Stop after printing the diagnoses (no waiting for Ctrl-C).")
    var once = false

    func run() async throws {
        let scenarios = try DemoScenarios.load(folder: fixtures)
        guard !scenarios.isEmpty else {
            printError("pulldoctor demo: no scenarios without a registry under \(fixtures)")
            throw ExitCode(2)
        }
        var logger = Logger(label: "pulldoctor-demo")
        logger.logLevel = .error
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .error
            return handler
        }
        let cluster = try FixtureLoader().load(files: scenarios.flatMap(\.files))
        let sim = try await KubeSimServer(cluster: cluster, logger: logger).start()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pulldoctor-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let kubeconfig = folder.appendingPathComponent("kubeconfig").path
        try sim.kubeconfig().write(toFile: kubeconfig, atomically: true, encoding: .utf8)

        var config = PullDoctorConfig()
        config.web.listenAddress = listenAddress
        config.kubernetes.kubeconfig = kubeconfig
        config.diagnosis.probe.enabled = false  // the scenarios' registries are not reachable from here
        config.store.path = folder.appendingPathComponent("pulldoctor.sqlite").path
        let reports = DemoReports()
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = try buildApplication(ServerOptions(
            config: config, logger: logger, onListening: { portSink.yield($0) },
            onDiagnosis: { report, _ in reports.add(report) }))
        let group = ServiceGroup(configuration: .init(
            services: [app], gracefulShutdownSignals: once ? [] : [.sigterm, .sigint], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            let base = "http://127.0.0.1:\(port)"
            print("PullDoctor is diagnosing an embedded fixture cluster with \(scenarios.count) failing workloads.\n")
            let client = CurlClient()
            for (index, scenario) in scenarios.enumerated() {
                _ = try? await client.send(OutboundRequest(
                    method: "POST", url: base + "/webhook", headers: [("Content-Type", "application/json")],
                    body: Array(scenario.payload(index: index).utf8)))
            }
            for _ in 0..<300 where reports.count < scenarios.count { try await Task.sleep(for: .milliseconds(100)) }
            for report in reports.all.sorted(by: { $0.incident.namespace < $1.incident.namespace }) {
                print(report.text.split(separator: "\n").prefix(2).joined(separator: "\n"))
                if let step = report.remediation.first {
                    print("  fix: \(step.title)")
                    for command in step.commands.prefix(2) { print("       $ \(command)") }
                }
                print("  page: \(base)/diagnoses/\(report.id)\n")
            }
            client.shutdown()
            print("Open \(base)/ for the incidents and \(base)/metrics for the metrics.")
            if once {
                print("demo: \(reports.count) of \(scenarios.count) scenarios diagnosed")
                await sim.stop()
                await group.triggerGracefulShutdown()
                if reports.count < scenarios.count { throw ExitCode(1) }
            } else {
                print("Press Ctrl-C to stop.")
            }
            try await tasks.waitForAll()
            await sim.stop()
        }
    }
}

/// The registry-free scenarios of a fixtures folder, with their alerts.
struct DemoScenarios {
    let name: String
    let files: [(name: String, text: String)]
    let labels: [String: String]

    static func load(folder: String) throws -> [DemoScenarios] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        var out: [DemoScenarios] = []
        var namespaces = Set<String>(), nodes = Set<String>()
        for name in names {
            let dir = "\(folder)/\(name)"
            guard let text = try? String(contentsOfFile: "\(dir)/scenario.yaml", encoding: .utf8),
                  let spec = try Yams.load(yaml: text) as? [String: Any], spec["registry"] as? String == "none",
                  let alert = spec["alert"] as? [String: Any] else { continue }
            let runtime = spec["runtime"] as? [String: Any]
            let namespace = (spec["pod"] as? [String: Any])?["namespace"] as? String ?? ""
            let node = runtime?["node"] as? String ?? ""
            // One cluster serves every scenario: skip those whose namespace or node another one already uses.
            guard !namespaces.contains(namespace), !nodes.contains(node) else { continue }
            namespaces.insert(namespace)
            nodes.insert(node)
            let files = try FileManager.default.contentsOfDirectory(atPath: dir)
                .filter { $0.hasSuffix(".yaml") && $0 != "scenario.yaml" && $0 != "kubesim.yaml" }.sorted()
                .map { (name: "\(name)/\($0)", text: try String(contentsOfFile: "\(dir)/\($0)", encoding: .utf8)) }
            out.append(DemoScenarios(name: name, files: files, labels: alert.compactMapValues { "\($0)" }))
        }
        return out
    }

    func payload(index: Int) -> String {
        let labels = (try? JSONSerialization.data(withJSONObject: labels, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return #"{"version":"4","status":"firing","receiver":"pulldoctor","groupKey":"demo","truncatedAlerts":0,"groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"","alerts":[{"status":"firing","labels":\#(labels),"annotations":{},"startsAt":"2026-11-21T19:35:30Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"\#(String(format: "%016x", 0xde0000 + index))"}]}"#
    }
}

/// Diagnoses collected from the server's callback.
final class DemoReports: Sendable {
    private let store = Mutex<[DiagnosisReport]>([])
    func add(_ report: DiagnosisReport) { store.withLock { $0.append(report) } }
    var all: [DiagnosisReport] { store.withLock { $0 } }
    var count: Int { store.withLock { $0.count } }
}
