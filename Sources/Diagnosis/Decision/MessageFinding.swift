/// What the message classifier made of one runtime message (a waiting message or an event).
public struct MessageFinding: Sendable, Equatable {
    /// Where the message came from (`waiting message of app`, `event Failed`).
    public var origin: String
    public var message: String
    public var category: Category
    public var reason: Reason
    public var confidence: Confidence
    public var summary: String

    public init(origin: String, message: String, category: Category, reason: Reason, confidence: Confidence, summary: String) {
        self.origin = origin
        self.message = message
        self.category = category
        self.reason = reason
        self.confidence = confidence
        self.summary = summary
    }

    /// Whether the finding names a cause (not `unknown`).
    public var isInformative: Bool { category != .unknown }
}
