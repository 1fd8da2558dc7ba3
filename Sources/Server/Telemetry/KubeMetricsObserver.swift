import Kube
import Telemetry

/// Turns the Kubernetes client's request records into `pulldoctor_kube_api_requests_total` and the
/// latency histogram. The client knows nothing of metrics; this is the one place they meet.
public struct KubeMetricsObserver: KubeRequestObserver {
    let metrics: PullDoctorMetrics

    public init(metrics: PullDoctorMetrics) {
        self.metrics = metrics
    }

    public func kubeRequestFinished(_ record: KubeRequestRecord) {
        metrics.kubeAPIRequests(resource: record.resource, verb: record.verb, code: record.code).increment()
        metrics.kubeAPIRequestDuration(resource: record.resource, verb: record.verb).record(record.duration)
    }
}
