import Diagnosis

/// The worker's metrics seam (the server turns these into Prometheus series).
public protocol DiagnosisObserver: Sendable {
    /// A diagnosis was made (once per incident investigation, not per alert).
    func diagnosed(_ report: DiagnosisReport, duration: Duration)
    /// A new failure occurrence (an alert's fingerprint and startsAt, first time seen) with its cause.
    func failureCounted(_ report: DiagnosisReport)
    /// The number of pods currently failing, by category (every category present, zeros included).
    func failingPods(_ byCategory: [Category: Int])
    /// Investigations running now (at most `maxConcurrent`), and those waiting for a slot.
    func investigations(running: Int, waiting: Int)
}

extension DiagnosisObserver {
    /// Investigations running now (at most `maxConcurrent`), and those waiting for a slot.
    public func investigations(running: Int, waiting: Int) {}
}
