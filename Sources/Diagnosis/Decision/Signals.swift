import Registry

/// Facts derived once from a case file, shared by every rule.
public struct Signals: Sendable {
    public let file: CaseFile
    /// The first container failing to pull (the alert's container when it names one).
    public let container: ContainerFacts?
    /// Every message finding, most informative and most recent first.
    public let findings: [MessageFinding]
    /// The best informative finding, if any message names a cause.
    public var bestFinding: MessageFinding? { findings.first(where: \.isInformative) }
    /// The parsed image reference.
    public var reference: ImageReference? { file.imageReference?.reference }

    public init(file: CaseFile, classify: (String) -> (category: Category, reason: Reason, confidence: Confidence, summary: String)) {
        self.file = file
        let wanted = file.alertLabels["container"]
        let failing = file.pod?.failing ?? []
        container = failing.first { $0.name == wanted } ?? failing.first
        var findings: [MessageFinding] = []
        if let message = container?.waitingMessage, !message.isEmpty {
            let c = classify(message)
            findings.append(MessageFinding(origin: "waiting message of \(container?.name ?? "")", message: message,
                                           category: c.category, reason: c.reason, confidence: c.confidence, summary: c.summary))
        }
        // Newest events first: the latest failure is the one that matters now.
        var seen = Set(findings.map(\.message))
        for event in file.events.reversed() where Self.pullEventReasons.contains(event.reason) {
            // "Error: ErrImagePull" repeats the waiting reason; the same text twice is one finding.
            guard !event.message.hasPrefix("Error: "), seen.insert(event.message).inserted else { continue }
            let c = classify(event.message)
            findings.append(MessageFinding(origin: "event \(event.reason)", message: event.message,
                                           category: c.category, reason: c.reason, confidence: c.confidence, summary: c.summary))
        }
        // Stable sort: informative before uninformative, higher confidence first; recency kept within ties.
        self.findings = findings.enumerated().sorted { a, b in
            if a.element.isInformative != b.element.isInformative { return a.element.isInformative }
            if a.element.confidence != b.element.confidence { return a.element.confidence > b.element.confidence }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Event reasons that carry pull errors.
    static let pullEventReasons: Set<String> = ["Failed", "BackOff", "ErrImageNeverPull", "InspectFailed", "FailedToRetrieveImagePullSecret"]

    /// Whether the messages or the probe say the registry wants (other) credentials.
    public var authFailure: Bool {
        if let probe = file.probe, [.authRequired, .credentialsRejected, .denied].contains(probe.outcome) { return true }
        return findings.contains { [.registryAuth, .authOrNotFound].contains($0.category) }
    }

    /// Secrets that exist and parse.
    public var usableSecrets: [(PullSecretFacts, PullSecretMatchSummary)] {
        file.pullSecrets.compactMap { facts in
            if case .usable(let summary) = facts.state { return (facts, summary) }
            return nil
        }
    }

    /// The usable secret whose entry serves the image's registry.
    public var matchingSecret: (PullSecretFacts, PullSecretMatchSummary)? {
        usableSecrets.first { $0.1.matchedKey != nil }
    }

    /// The kubelet's FailedToRetrieveImagePullSecret events, which name secrets it could not read.
    public var secretRetrievalEvents: [EventFacts] {
        file.events.filter { $0.reason == "FailedToRetrieveImagePullSecret" }
    }
}
