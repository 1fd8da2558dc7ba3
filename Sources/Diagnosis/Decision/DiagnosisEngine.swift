import Foundation

/// Decides the cause of an image-pull failure from a case file: pure, no I/O, the same answer for the
/// same facts. Rules are tried in order, most specific first; the first that answers decides.
public struct DiagnosisEngine: Sendable {
    /// Classifies one runtime message.
    public typealias Classify = @Sendable (String) -> (category: Category, reason: Reason, confidence: Confidence, summary: String)

    private let classify: Classify
    private let rules: [any DecisionRule] = [
        InvalidReferenceCause(),
        NeverPullCause(),
        PullSecretCause(),
        ProbeCause(),
        DiskPressureCause(),
        PlatformCause(),
        MessageCause(),
        UnknownCause(),
    ]

    public init(classify: @escaping Classify) {
        self.classify = classify
    }

    /// An engine reading messages with `classifier`.
    public init(classifier: MessageClassifier) {
        self.init(classify: { message in
            let verdict = classifier.classify(message)
            return (verdict.category, verdict.reason, verdict.confidence, verdict.summary)
        })
    }

    /// The diagnosis of `file`.
    public func decide(_ file: CaseFile, id: String, now: Date) -> DiagnosisReport {
        let image = file.pod?.failing.first?.image ?? file.imageReference?.written ?? ""
        let incident = IncidentKey(namespace: file.namespace, ownerKind: file.topOwner.kind, ownerName: file.topOwner.name, image: image)
        var report = DiagnosisReport(
            id: id, createdAt: now, verdict: .imagePull, incident: incident, category: .unknown, reason: .unrecognized,
            confidence: .low, summary: "", image: image, registry: file.imageReference?.reference?.registry ?? "",
            node: file.node?.name ?? file.pod?.nodeName, unchecked: file.unchecked, partial: file.partial)

        switch file.podLookup {
        case .notFound:
            report.verdict = .podNotFound
            report.summary = "Pod \(file.namespace)/\(file.podName) no longer exists; nothing to diagnose."
            return report
        case .forbidden, .failed, .notChecked:
            if file.pod == nil {
                report.confidence = .low
                report.reason = .noCauseInMessage
                report.summary = "Pod \(file.namespace)/\(file.podName) could not be read; the cause is unknown."
                return report
            }
        case .found:
            break
        }
        let signals = Signals(file: file, classify: classify)
        guard signals.container != nil else {
            report.verdict = .notImagePull
            report.summary = "Pod \(file.namespace)/\(file.podName) is not failing to pull an image (phase \(file.pod?.phase ?? "?")); passed through."
            return report
        }
        let decision = rules.lazy.compactMap { $0.evaluate(signals) }.first!
        report.category = decision.category
        report.reason = decision.reason
        report.confidence = file.partial && decision.confidence == .high ? .medium : decision.confidence
        report.summary = decision.summary
        report.evidence = EvidenceBuilder.evidence(for: signals) + decision.evidence
        report.remediation = RemediationWriter(signals: signals).steps(for: decision)
        report.affected = (file.pod?.failing ?? []).map {
            AffectedContainer(namespace: file.namespace, pod: file.podName, container: $0.name,
                              initContainer: $0.initContainer, node: file.pod?.nodeName, waitingReason: $0.waitingReason)
        }
        return report
    }
}
