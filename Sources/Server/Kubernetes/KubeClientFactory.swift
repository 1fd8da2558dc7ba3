import Config
import CurlClient
import Kube
import Telemetry

/// Builds the Kubernetes client from the `kubernetes:` settings, with its requests counted in the metrics.
public enum KubeClientFactory {
    /// Finds the cluster as kubectl does (explicit kubeconfig, `$KUBECONFIG`, in-cluster, `~/.kube/config`).
    public static func make(
        _ config: KubernetesConfig, transport: any HTTPTransport, metrics: PullDoctorMetrics
    ) throws(KubeError) -> KubeClient {
        let connection = try KubeConfigLoader().load(
            kubeconfig: config.kubeconfig.isEmpty ? nil : config.kubeconfig,
            context: config.context.isEmpty ? nil : config.context)
        var options = KubeClientOptions()
        options.qps = config.qps
        options.burst = config.burst
        options.requestTimeout = config.requestTimeout
        options.userAgent = "pulldoctor/\(BuildInfo.version)"
        return KubeClient(connection: connection, transport: transport, options: options,
                          observer: KubeMetricsObserver(metrics: metrics))
    }
}
