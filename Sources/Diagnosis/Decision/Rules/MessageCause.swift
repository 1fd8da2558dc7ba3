/// The runtime's own message, when nothing stronger decided.
struct MessageCause: DecisionRule {
    func evaluate(_ s: Signals) -> Decision? {
        guard let finding = s.bestFinding else { return nil }
        var confidence = finding.confidence
        // A probe that pulled fine from here contradicts "not found" and auth verdicts: say less.
        if let probe = s.file.probe, probe.outcome == .ok,
           [.imageNotFound, .registryAuth, .authOrNotFound].contains(finding.category) {
            confidence = .low
        }
        return Decision(finding.category, finding.reason, confidence, finding.summary)
    }
}
