/// An incoming-webhook message: Block Kit blocks plus the `text` fallback shown in notifications and by
/// clients that cannot draw blocks. Encoded with `JSONEncoder`, never assembled as text.
///
/// Limits (https://api.slack.com/reference/block-kit/blocks): at most 50 blocks per message; a header's
/// `plain_text` at most 150 characters; a section's text at most 3000; a context block at most 10 elements.
public struct SlackMessage: Sendable, Equatable, Encodable {
    /// Most blocks Slack accepts in one message.
    public static let maxBlocks = 50
    /// Longest header text.
    public static let maxHeaderLength = 150
    /// Longest section text.
    public static let maxSectionLength = 3000
    /// Most elements in a context block.
    public static let maxContextElements = 10
    /// Longest fallback text kept (Slack truncates past 40,000; a notification preview needs far less).
    public static let maxFallbackLength = 3000

    /// Fallback text (mrkdwn).
    public var text: String
    public var blocks: [SlackBlock]
    /// Slack's message metadata (https://docs.slack.dev/messaging/message-metadata), which incoming webhooks
    /// take: `event_type` `pulldoctor_notification` with the delivery's idempotency key in `event_payload`.
    public var metadata: Metadata?

    public init(text: String, blocks: [SlackBlock], idempotencyKey: String? = nil) {
        self.text = text
        self.blocks = blocks
        self.metadata = idempotencyKey.map { Metadata(eventPayload: ["idempotency_key": $0]) }
    }

    /// `metadata`: an event type and a flat payload.
    public struct Metadata: Sendable, Equatable, Encodable {
        public var eventType = "pulldoctor_notification"
        public var eventPayload: [String: String]

        enum CodingKeys: String, CodingKey {
            case eventType = "event_type"
            case eventPayload = "event_payload"
        }
    }
}

/// The block types PullDoctor sends.
public enum SlackBlock: Sendable, Equatable, Encodable {
    /// `header`: large plain text.
    case header(String)
    /// `section` with one `mrkdwn` text.
    case section(String)
    /// `context`: small `mrkdwn` elements.
    case context([String])
    /// `divider`: a rule.
    case divider

    private enum Keys: String, CodingKey { case type, text, elements }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .header(let text):
            try c.encode("header", forKey: .type)
            try c.encode(TextObject(type: "plain_text", text: text, emoji: true), forKey: .text)
        case .section(let text):
            try c.encode("section", forKey: .type)
            try c.encode(TextObject(type: "mrkdwn", text: text), forKey: .text)
        case .context(let elements):
            try c.encode("context", forKey: .type)
            try c.encode(elements.map { TextObject(type: "mrkdwn", text: $0) }, forKey: .elements)
        case .divider:
            try c.encode("divider", forKey: .type)
        }
    }

    /// A Block Kit text object.
    struct TextObject: Encodable {
        var type: String
        var text: String
        var emoji: Bool?
    }
}
