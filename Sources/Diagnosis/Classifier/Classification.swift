/// The classifier's verdict on one message.
///
/// ``category`` always equals `reason.category`. ``rule`` names the rule that decided (the
/// fallback is `"none"`), which makes a surprising verdict easy to trace.
public struct Classification: Sendable, Hashable, Codable {
    /// The coarse verdict.
    public let category: Category
    /// The finer verdict.
    public let reason: Reason
    /// How sure the verdict is.
    public let confidence: Confidence
    /// One line for a person.
    public let summary: String
    /// The rule that decided (its type name), or `none`.
    public internal(set) var rule: String
    /// What the message says besides the verdict.
    public internal(set) var facts: MessageFacts

    /// A verdict as a rule returns it; the classifier fills in ``rule`` and ``facts``.
    public init(_ reason: Reason, _ confidence: Confidence, _ summary: String) {
        self.init(reason: reason, confidence: confidence, summary: summary, rule: "", facts: MessageFacts())
    }

    /// A complete verdict.
    public init(reason: Reason, confidence: Confidence, summary: String, rule: String, facts: MessageFacts) {
        category = reason.category
        self.reason = reason
        self.confidence = confidence
        self.summary = summary
        self.rule = rule
        self.facts = facts
    }

    enum CodingKeys: String, CodingKey {
        case category, reason, confidence, summary, rule, facts
    }

    /// Decodes a verdict; a category that does not match the reason is rejected.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let reason = try container.decode(Reason.self, forKey: .reason)
        let category = try container.decode(Category.self, forKey: .category)
        guard category == reason.category else {
            throw DecodingError.dataCorruptedError(
                forKey: .category, in: container,
                debugDescription: "category \(category.rawValue) does not match reason \(reason.rawValue)")
        }
        self.init(
            reason: reason, confidence: try container.decode(Confidence.self, forKey: .confidence),
            summary: try container.decode(String.self, forKey: .summary),
            rule: try container.decodeIfPresent(String.self, forKey: .rule) ?? "",
            facts: try container.decodeIfPresent(MessageFacts.self, forKey: .facts) ?? MessageFacts())
    }
}
