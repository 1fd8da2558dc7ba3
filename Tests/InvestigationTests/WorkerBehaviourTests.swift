import Alerting
import CurlClient
import Diagnosis
import Foundation
import Investigation
import KubeSim
import Logging
import Synchronization
import Testing

/// The worker's contract beyond the verdict: pass-through, resolution, deadlines.
@Suite("Diagnosis worker")
struct WorkerBehaviourTests {
    static let pendingPod = """
    apiVersion: v1
    kind: List
    items:
    - apiVersion: v1
      kind: Namespace
      metadata: {name: shop}
    - apiVersion: v1
      kind: ServiceAccount
      metadata: {name: default, namespace: shop}
    - apiVersion: v1
      kind: Pod
      metadata: {name: big-0, namespace: shop, uid: big-0}
      spec:
        containers: [{name: app, image: registry.example.com/shop/big:1.0}]
      status:
        phase: Pending
        conditions:
        - {type: PodScheduled, status: "False", reason: Unschedulable, message: "0/3 nodes are available: 3 Insufficient memory."}
    """

    static func worker(_ sim: RunningKubeSim, deadline: Duration = .seconds(10), sink: @escaping DiagnosisWorker.Sink) -> DiagnosisWorker {
        var logger = Logger(label: "worker-test")
        logger.logLevel = .error
        return DiagnosisWorker(
            investigator: Investigator(reader: ClusterReader(client: ScenarioRig.client(for: sim)), prober: nil),
            engine: DiagnosisEngine(classifier: MessageClassifier()), deadline: deadline, logger: logger, sink: sink)
    }

    static func alert(_ status: AlertStatus, namespace: String, pod: String, container: String? = nil) -> Alert {
        var labels = ["alertname": "KubePodNotReady", "namespace": namespace, "pod": pod]
        if let container { labels["container"] = container }
        return Alert(status: status, labels: labels, startsAt: Date(timeIntervalSince1970: 1_795_000_000),
                     endsAt: status == .resolved ? Date() : nil, fingerprint: "f-\(pod)")
    }

    @Test("a pod pending for scheduling is recognised and passed through, not forced into a cause")
    func notImagePull() async throws {
        let cluster = try FixtureLoader().load(files: [(name: "pending.yaml", text: Self.pendingPod)])
        let sim = try await KubeSimServer(cluster: cluster).start()
        let reports = Collector<DiagnosisReport>()
        let worker = Self.worker(sim) { report, _ in reports.append(report) }
        await worker.handle(Self.alert(.firing, namespace: "shop", pod: "big-0"))
        await worker.handle(Self.alert(.firing, namespace: "shop", pod: "gone-0"))
        await sim.stop()
        let got = reports.items
        #expect(got.count == 2)
        #expect(got.first?.verdict == .notImagePull)
        #expect(got.first?.category == .unknown)
        #expect(got.last?.verdict == .podNotFound)
    }

    @Test("a resolved alert closes its incident and takes the pod off the failing count")
    func resolution() async throws {
        let scenario = try #require(Scenario.load("dns-failure"))
        let sim = try await ScenarioRig.start(scenario.name, values: [:])
        let observer = FailingPodsProbe()
        let reports = Collector<DiagnosisReport>()
        var logger = Logger(label: "worker-test")
        logger.logLevel = .error
        let worker = DiagnosisWorker(
            investigator: Investigator(reader: ClusterReader(client: ScenarioRig.client(for: sim)), prober: nil),
            engine: DiagnosisEngine(classifier: MessageClassifier()), observer: observer, logger: logger) { report, _ in
                reports.append(report)
            }
        await worker.handle(Self.alert(.firing, namespace: scenario.namespace, pod: scenario.pod, container: scenario.container))
        #expect(observer.failing[.network] == 1)
        await worker.handle(Self.alert(.resolved, namespace: scenario.namespace, pod: scenario.pod, container: scenario.container))
        await sim.stop()
        #expect(observer.failing[.network] == 0)
        #expect(reports.items.count == 2, "the closing incident is reported too")
        #expect(reports.items.last?.affected.isEmpty == true)
    }

    @Test("a slow cluster: the diagnosis finishes at the deadline, partial, saying what is missing")
    func deadline() async throws {
        let scenario = try #require(Scenario.load("wrong-tag"))
        let sim = try await ScenarioRig.start(scenario.name, values: [:])
        // Pods answer at once, everything else takes 5 s.
        let fault = try await ScenarioRig.curl.send(HTTPRequest(
            method: "POST", url: sim.baseURL + "/kubesim/faults", headers: [("Content-Type", "application/json")],
            body: Array(#"{"latencyMs": 5000, "resources": ["events", "replicasets", "nodes", "serviceaccounts", "secrets"]}"#.utf8)))
        #expect(fault.status == 200)
        let reports = Collector<DiagnosisReport>()
        let worker = Self.worker(sim, deadline: .milliseconds(800)) { report, _ in reports.append(report) }
        let start = ContinuousClock.now
        await worker.handle(Self.alert(.firing, namespace: scenario.namespace, pod: scenario.pod, container: scenario.container))
        let elapsed = ContinuousClock.now - start
        await sim.stop()
        let report = try #require(reports.items.first)
        #expect(elapsed < .seconds(5), "did not wait for the slow reads")
        #expect(report.partial)
        #expect(report.verdict == .imagePull)
        #expect(report.confidence != .high)
        #expect(report.unchecked.contains { $0.why.contains("deadline") })
        #expect(report.category == .imageNotFound, "the waiting message alone still names the cause: \(report.summary)")
    }
}

/// Keeps the latest failing-pods count per category.
final class FailingPodsProbe: DiagnosisObserver, Sendable {
    private let store = Mutex<[Category: Int]>([:])
    var failing: [Category: Int] { store.withLock { $0 } }
    func diagnosed(_ report: DiagnosisReport, duration: Duration) {}
    func failureCounted(_ report: DiagnosisReport) {}
    func failingPods(_ byCategory: [Category: Int]) { store.withLock { $0 = byCategory } }
}

/// Items appended from any task.
final class Collector<T: Sendable>: Sendable {
    private let store = Mutex<[T]>([])
    func append(_ item: T) { store.withLock { $0.append(item) } }
    var items: [T] { store.withLock { $0 } }
}
