import Alerting
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
    /// The worker, or nil when the diagnosis is off or no cluster can be found (logged; alerts are still
    /// accepted and counted).
    static func make(config: PullDoctorConfig, transport: CurlClient, metrics: PullDoctorMetrics, logger: Logger,
                     sink: @escaping DiagnosisWorker.Sink) -> DiagnosisWorker? {
        guard config.diagnosis.enabled else {
            logger.info("diagnosis is off (diagnosis.enabled: false)")
            return nil
        }
        let client: KubeClientHandle
        do {
            client = KubeClientHandle(try KubeClientFactory.make(config.kubernetes, transport: transport, metrics: metrics))
        } catch {
            logger.warning("no Kubernetes cluster found; alerts are accepted but not diagnosed", metadata: ["error": "\(error.message)"])
            return nil
        }
        let observer = DiagnosisMetricsObserver(
            metrics: metrics, namespaceLabel: config.diagnosis.namespaceLabel, registryLabel: config.diagnosis.registryLabel)
        var prober: RegistryProbe?
        if config.diagnosis.probe.enabled {
            var options = ProbeOptions()
            options.timeout = config.diagnosis.probe.timeout
            options.insecureRegistries = Set(config.diagnosis.probe.insecureRegistries)
            options.maxConcurrentPerRegistry = config.diagnosis.probe.maxConcurrentPerRegistry
            if !config.diagnosis.probe.caFile.isEmpty { options.tls = TLSOptions(caFile: config.diagnosis.probe.caFile) }
            prober = RegistryProbe(transport: transport, options: options, observer: observer)
        }
        let investigator = Investigator(reader: ClusterReader(client: client.client), prober: prober)
        return DiagnosisWorker(
            investigator: investigator, engine: DiagnosisEngine(classifier: MessageClassifier()),
            deadline: config.diagnosis.deadline, reuseFor: config.diagnosis.reuseFor,
            maxConcurrent: config.diagnosis.maxConcurrent, observer: observer, logger: logger, sink: sink)
    }
}

/// Keeps the client's type out of the pipeline's signature.
struct KubeClientHandle {
    let client: Kube.KubeClient
    init(_ client: Kube.KubeClient) { self.client = client }
}
