import Diagnosis
import Investigation
import Registry
import Telemetry

/// Turns diagnoses and registry probes into PullDoctor's metrics. `namespace` and `registry` labels on
/// the failure counter are opt-in (`diagnosis.metrics_labels`), because they multiply series.
public struct DiagnosisMetricsObserver: DiagnosisObserver, ProbeObserver {
    let metrics: PullDoctorMetrics
    let namespaceLabel: Bool
    let registryLabel: Bool

    public init(metrics: PullDoctorMetrics, namespaceLabel: Bool = false, registryLabel: Bool = false) {
        self.metrics = metrics
        self.namespaceLabel = namespaceLabel
        self.registryLabel = registryLabel
    }

    public func diagnosed(_ report: DiagnosisReport, duration: Duration) {
        guard report.verdict == .imagePull else { return }
        metrics.diagnoses(category: report.category.rawValue, confidence: report.confidence.rawValue).increment()
        metrics.diagnosisDuration.record(duration)
    }

    public func failureCounted(_ report: DiagnosisReport) {
        var extra: [(String, String)] = []
        if namespaceLabel { extra.append(("namespace", report.incident.namespace)) }
        if registryLabel { extra.append(("registry", report.registry)) }
        metrics.imagePullFailures(category: report.category.rawValue, reason: report.reason.rawValue, extra: extra).increment()
    }

    public func investigations(running: Int, waiting: Int) {
        metrics.workInFlight("investigations").set(Double(running + waiting))
    }

    public func failingPods(_ byCategory: [Category: Int]) {
        for (category, count) in byCategory {
            metrics.imagePullFailingPods(category: category.rawValue).set(Double(count))
        }
    }

    public func registryProbeFinished(_ record: ProbeRecord) {
        metrics.registryProbes(outcome: record.outcome).increment()
        metrics.registryProbeDuration.record(record.duration)
    }
}
