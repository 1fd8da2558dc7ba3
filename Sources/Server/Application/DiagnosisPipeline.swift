import Alerting
import Foundation
import Config
import CurlClient
import Diagnosis
import Investigation
import Logging
import Kube
import Registry
import Telemetry

/// Wires the diagnosis: the Kubernetes client, the registry probe, the investigator, the engine and the
/// worker, all from the configuration, with their metrics.
enum DiagnosisPipeline {
    /// The worker. With the diagnosis off, or without a cluster, it still runs: every cluster read fails
    /// with the reason, each alert gets a diagnosis of category `unknown` that says why the cluster was not
    /// read, and the notification goes out with it.
    static func make(config: PullDoctorConfig, transport: CurlClient, metrics: PullDoctorMetrics, logger: Logger,
                     sink: @escaping DiagnosisWorker.Sink) -> DiagnosisWorker {
        let reader: ClusterReader
        if !config.diagnosis.enabled {
            logger.info("diagnosis is off (diagnosis.enabled: false); alerts are forwarded undiagnosed")
            reader = ClusterReader(unavailable: KubeError(.config, "the diagnosis is off (diagnosis.enabled: false)"))
        } else {
            do {
                // Lists live as long as a diagnosis is reused, so a storm reads each once.
                reader = ClusterReader(client: try KubeClientFactory.make(config.kubernetes, transport: transport, metrics: metrics),
                                       ttl: max(.seconds(15), config.diagnosis.reuseFor))
            } catch {
                logger.warning("no Kubernetes cluster found; alerts are forwarded with an undiagnosed cause", metadata: ["error": "\(error.message)"])
                reader = ClusterReader(unavailable: KubeError(.config, "no Kubernetes cluster: \(error.message)"))
            }
        }
        let observer = DiagnosisMetricsObserver(
            metrics: metrics, namespaceLabel: config.diagnosis.namespaceLabel, registryLabel: config.diagnosis.registryLabel)
        // Every known series at 0 from the start, so rate() and alerts work from the first scrape.
        for outcome in ProbeRecord.outcomes { _ = metrics.registryProbes(outcome: outcome) }
        if !config.diagnosis.namespaceLabel && !config.diagnosis.registryLabel {
            for reason in Reason.allCases {
                _ = metrics.imagePullFailures(category: reason.category.rawValue, reason: reason.rawValue)
            }
        }
        let prober = config.diagnosis.enabled && config.diagnosis.probe.enabled ? OnDemandDiagnosis.probe(config, transport, observer: observer) : nil
        let investigator = Investigator(reader: reader, prober: prober)
        return DiagnosisWorker(
            investigator: investigator, engine: DiagnosisEngine(classifier: MessageClassifier()),
            deadline: config.diagnosis.deadline, reuseFor: config.diagnosis.reuseFor,
            maxConcurrent: config.diagnosis.maxConcurrent, observer: observer, logger: logger, sink: sink)
    }
}

/// One diagnosis on demand, for `pulldoctor diagnose` and the kubectl plugin: the same pieces as the server.
public enum OnDemandDiagnosis {
    /// Diagnoses `pod` in `namespace` against the cluster `config.kubernetes` finds.
    public static func run(config: PullDoctorConfig, namespace: String, pod: String, container: String? = nil) async throws -> DiagnosisReport {
        let transport = CurlClient()
        defer { transport.shutdown() }
        let client = try KubeClientFactory.make(config.kubernetes, transport: transport, metrics: PullDoctorMetrics(version: BuildInfo.version, revision: BuildInfo.revision))
        let investigator = Investigator(reader: ClusterReader(client: client), prober: config.diagnosis.probe.enabled ? probe(config, transport) : nil)
        var labels = ["namespace": namespace, "pod": pod]
        if let container { labels["container"] = container }
        let file = await investigator.investigate(namespace: namespace, pod: pod, labels: labels, deadline: config.diagnosis.deadline)
        return DiagnosisEngine(classifier: MessageClassifier()).decide(file, id: UUID().uuidString.lowercased(), now: Date())
    }

    /// Pods failing to pull, across namespaces or in one, for the plugin's scan.
    public static func failingPods(config: PullDoctorConfig, namespace: String?) async throws -> [(namespace: String, pod: String)] {
        let transport = CurlClient()
        defer { transport.shutdown() }
        let client = try KubeClientFactory.make(config.kubernetes, transport: transport, metrics: PullDoctorMetrics(version: BuildInfo.version, revision: BuildInfo.revision))
        let pods = try await client.pods.listAll(in: namespace.map { .namespace($0) } ?? .all)
        return pods.items.filter { pod in
            (pod.status?.allContainerStatuses ?? []).contains { ContainerFacts.imagePullReasons.contains($0.waitingReason ?? "") }
        }.map { ($0.metadata.namespace ?? "", $0.metadata.name ?? "") }
    }

    /// The registry probe from the `diagnosis.probe` settings.
    static func probe(_ config: PullDoctorConfig, _ transport: CurlClient, observer: (any ProbeObserver)? = nil) -> RegistryProbe {
        var options = ProbeOptions()
        options.timeout = config.diagnosis.probe.timeout
        options.insecureRegistries = Set(config.diagnosis.probe.insecureRegistries)
        options.maxConcurrentPerRegistry = config.diagnosis.probe.maxConcurrentPerRegistry
        if !config.diagnosis.probe.caFile.isEmpty { options.tls = TLSOptions(caFile: config.diagnosis.probe.caFile) }
        return RegistryProbe(transport: transport, options: options, observer: observer)
    }
}
