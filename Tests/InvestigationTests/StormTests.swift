import Alerting
import CurlClient
import Diagnosis
import Foundation
import Investigation
import Kube
import KubeSim
import Logging
import Registry
import Synchronization
import Testing

/// A storm: thousands of pods failing across 50 Deployments, alerts sent as Alertmanager groups them.
/// The worker must diagnose each workload once, probe each image about once, and keep Kubernetes
/// requests to a few per workload. Counts come from the same observers that feed `/metrics`.
@Suite("Alert storm")
struct StormTests {
    @Test("2,000 failing pods in 50 Deployments: 50 diagnoses, ≤ 100 probes, ≤ 3 Kubernetes requests per workload")
    func storm() async throws {
        let closed = try LocalPort.closed()
        let storm = StormCluster(namespaces: 5, deployments: 50, podsPerDeployment: 40, nodes: 10, registry: "127.0.0.1:\(closed)")
        var logger = Logger(label: "storm")
        logger.logLevel = .error
        let cluster = try FixtureLoader().load(files: [(name: "storm.json", text: storm.json())])
        let sim = try await KubeSimServer(cluster: cluster, logger: logger).start()

        let counts = Counts()
        let kubeRequests = KubeRequestCallback { _ in counts.add(\.kube) }
        let probes = ProbeCallback { _ in counts.add(\.probes) }
        let client = ScenarioRig.client(for: sim, observer: kubeRequests)
        let probe = RegistryProbe(transport: ScenarioRig.curl, observer: probes)
        let worker = DiagnosisWorker(
            investigator: Investigator(reader: ClusterReader(client: client), prober: probe),
            engine: DiagnosisEngine(classifier: MessageClassifier()), deadline: .seconds(30),
            observer: counts, logger: logger) { report, alerts in
                counts.record(report, alerts: alerts.count)
            }

        let decoder = WebhookDecoder()
        let payloads = try storm.payloads().map { try decoder.decode(Array($0.utf8)) }
        let start = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for payload in payloads { group.addTask { await worker.handle(payload) } }
        }
        let elapsed = ContinuousClock.now - start
        // Alertmanager re-sends the same groups at group_interval: nothing is counted twice.
        await withTaskGroup(of: Void.self) { group in
            for payload in payloads.prefix(5) { group.addTask { await worker.handle(payload) } }
        }
        await sim.stop()

        let result = counts.snapshot()
        print("storm: \(storm.podCount) pods, \(storm.deployments) workloads in \(elapsed): \(result.diagnoses) diagnoses, \(result.probes) probes, \(result.kube) Kubernetes requests (\(Double(result.kube) / Double(storm.deployments)) per workload)")
        #expect(result.alertsDelivered == storm.podCount + 5 * storm.podsPerDeployment, "every alert got its diagnosis")
        #expect(result.diagnoses == storm.deployments, "one investigation per workload")
        #expect(result.failures == storm.podCount, "re-sent alerts are not counted again")
        #expect(result.probes <= 2 * storm.deployments, "a small multiple of the workloads, not of the pods")
        #expect(Double(result.kube) / Double(storm.deployments) <= 3, "Kubernetes requests per workload")
        #expect(result.categories == ["network"], "the refused registry is the cause everywhere")
        #expect(result.maxAffected == storm.podsPerDeployment, "one report names every pod of its workload")
    }
}

/// Tallies from the observers, safe across tasks.
final class Counts: DiagnosisObserver, Sendable {
    struct Values: Sendable {
        var kube = 0, probes = 0, diagnoses = 0, failures = 0, alertsDelivered = 0, maxAffected = 0
        var categories: Set<String> = []
    }

    private let values = Mutex(Values())

    func add(_ key: WritableKeyPath<Values, Int>) { values.withLock { $0[keyPath: key] += 1 } }

    func record(_ report: DiagnosisReport, alerts: Int) {
        values.withLock {
            $0.alertsDelivered += alerts
            $0.maxAffected = max($0.maxAffected, report.affected.count)
            $0.categories.insert(report.category.rawValue)
        }
    }

    func snapshot() -> Values { values.withLock { $0 } }

    func diagnosed(_ report: DiagnosisReport, duration: Duration) { add(\.diagnoses) }
    func failureCounted(_ report: DiagnosisReport) { add(\.failures) }
    func failingPods(_ byCategory: [Category: Int]) {}
}

/// A loopback port with nothing listening.
enum LocalPort {
    static func closed() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
