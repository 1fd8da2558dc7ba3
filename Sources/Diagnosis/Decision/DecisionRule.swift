/// One cause the decision can recognise. Rules are tried in order; the first that answers decides.
public protocol DecisionRule: Sendable {
    func evaluate(_ signals: Signals) -> Decision?
}

/// A rule's answer.
public struct Decision: Sendable, Equatable {
    public var category: Category
    public var reason: Reason
    public var confidence: Confidence
    /// One line for a person.
    public var summary: String
    /// Observations this rule adds to the evidence (beyond what every diagnosis shows).
    public var evidence: [Evidence]

    public init(_ category: Category, _ reason: Reason, _ confidence: Confidence, _ summary: String, evidence: [Evidence] = []) {
        self.category = category
        self.reason = reason
        self.confidence = confidence
        self.summary = summary
        self.evidence = evidence
    }
}
