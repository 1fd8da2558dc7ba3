import CurlClient
import Diagnosis
import Foundation
import Investigation
import Kube
import KubeSim
import Logging
import Testing
import Yams

/// One scenario folder of `Tests/Fixtures/clusters` and what it expects.
struct Scenario: Sendable, CustomTestStringConvertible {
    let name: String
    let namespace: String
    let pod: String
    let container: String?
    let labels: [String: String]
    let category: String
    let reason: String
    /// `none`, `open`, `auth` or `tls`: which real local registry the scenario's image points at.
    let registry: String

    var testDescription: String { name }

    static let clustersFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/clusters").path

    static func all() -> [Scenario] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: clustersFolder)) ?? [])
            .filter { !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: "\(clustersFolder)/\($0)/scenario.yaml") }
            .sorted()
        return names.compactMap { load($0) }
    }

    static func load(_ name: String) -> Scenario? {
        guard let text = try? String(contentsOfFile: "\(clustersFolder)/\(name)/scenario.yaml", encoding: .utf8),
              let yaml = try? Yams.load(yaml: text) as? [String: Any],
              let pod = yaml["pod"] as? [String: Any], let expect = yaml["expect"] as? [String: Any] else { return nil }
        let labels = (yaml["alert"] as? [String: Any])?.compactMapValues { $0 as? String } ?? [:]
        return Scenario(
            name: name, namespace: pod["namespace"] as? String ?? "", pod: pod["name"] as? String ?? "",
            container: pod["container"] as? String, labels: labels,
            category: expect["category"] as? String ?? "", reason: expect["reason"] as? String ?? "",
            registry: yaml["registry"] as? String ?? "none")
    }
}

/// Starts kubesim with a scenario and builds the investigation against it over real HTTP.
enum ScenarioRig {
    static let curl = CurlClient()

    static func start(_ scenario: String, values: [String: String]) async throws -> RunningKubeSim {
        var logger = Logger(label: "kubesim-test")
        logger.logLevel = .error
        var all = ["REGISTRY_OPEN": "127.0.0.1:1", "REGISTRY_AUTH": "127.0.0.1:1", "REGISTRY_TLS": "127.0.0.1:1"]
        all.merge(values) { _, new in new }
        return try await KubeSimServer.load(fixtures: "\(Scenario.clustersFolder)/\(scenario)", values: all, logger: logger).start()
    }

    static func client(for sim: RunningKubeSim, observer: (any KubeRequestObserver)? = nil) -> KubeClient {
        var options = KubeClientOptions()
        options.qps = 1000
        options.burst = 1000
        let connection = KubeConnection(server: sim.baseURL, proxy: .none, namespace: "default", origin: "kubesim")
        return KubeClient(connection: connection, transport: curl, options: options, observer: observer)
    }

    static func diagnose(_ scenario: Scenario, sim: RunningKubeSim, prober: (any ImageProber)?) async -> DiagnosisReport {
        let investigator = Investigator(reader: ClusterReader(client: client(for: sim)), prober: prober)
        let file = await investigator.investigate(namespace: scenario.namespace, pod: scenario.pod, labels: scenario.labels, deadline: .seconds(20))
        return DiagnosisEngine(classifier: MessageClassifier()).decide(file, id: "test", now: Date())
    }
}
