/// The body a Microsoft Teams Workflows (Power Automate) webhook takes: a `message` with one Adaptive
/// Card attachment. Encoded with `JSONEncoder`, never assembled as text.
///
/// Card version 1.4, which Teams renders on desktop, web and mobile; only elements and properties of
/// the published schema up to 1.4 are used (https://adaptivecards.io/schemas/adaptive-card.json).
struct TeamsMessage: Encodable, Equatable {
    var type = "message"
    var attachments: [Attachment]
    /// The delivery's idempotency key (also the `Idempotency-Key` header), for a flow that drops duplicates.
    var idempotencyKey: String

    struct Attachment: Encodable, Equatable {
        var contentType = "application/vnd.microsoft.card.adaptive"
        var content: AdaptiveCard
    }

    init(card: AdaptiveCard, idempotencyKey: String) {
        attachments = [Attachment(content: card)]
        self.idempotencyKey = idempotencyKey
    }
}

/// An Adaptive Card: body elements and the actions bar.
struct AdaptiveCard: Encodable, Equatable {
    var schema = "http://adaptivecards.io/schemas/adaptive-card.json"
    var type = "AdaptiveCard"
    var version = "1.4"
    var body: [AdaptiveElement]
    var actions: [OpenURLAction]
    /// Shown by clients that cannot render the card.
    var fallbackText: String?

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case type, version, body, actions, fallbackText
    }
}

/// The card elements PullDoctor uses.
///
/// Untrusted text (the summary, quotes, commands, pod names) only ever goes into `TextRun`s of a
/// `RichTextBlock`, where the schema says markdown is not interpreted: a label value cannot add a link or
/// formatting. `TextBlock` (which renders a markdown subset) carries only PullDoctor's own fixed headings.
enum AdaptiveElement: Encodable, Equatable {
    /// A fixed heading (trusted text only).
    case heading(String)
    /// Runs of plain text, one paragraph.
    case richText([TextRun], separator: Bool = false)
    /// A container with the `emphasis` style (a tinted box), for fix commands.
    case emphasis([AdaptiveElement])

    private enum Keys: String, CodingKey {
        case type, text, wrap, weight, size, inlines, separator, items, style, spacing
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .heading(let text):
            try c.encode("TextBlock", forKey: .type)
            try c.encode(text, forKey: .text)
            try c.encode(true, forKey: .wrap)
            try c.encode("bolder", forKey: .weight)
            try c.encode("medium", forKey: .spacing)
        case .richText(let runs, let separator):
            try c.encode("RichTextBlock", forKey: .type)
            try c.encode(runs, forKey: .inlines)
            if separator { try c.encode(true, forKey: .separator) }
        case .emphasis(let items):
            try c.encode("Container", forKey: .type)
            try c.encode("emphasis", forKey: .style)
            try c.encode(items, forKey: .items)
        }
    }
}

/// A run of plain text with optional styling.
struct TextRun: Encodable, Equatable {
    var type = "TextRun"
    var text: String
    var weight: String?
    var size: String?
    var color: String?
    var fontType: String?
    var isSubtle: Bool?
    var italic: Bool?

    init(
        _ text: String, weight: String? = nil, size: String? = nil, color: String? = nil, fontType: String? = nil,
        isSubtle: Bool? = nil, italic: Bool? = nil
    ) {
        self.text = text
        self.weight = weight
        self.size = size
        self.color = color
        self.fontType = fontType
        self.isSubtle = isSubtle
        self.italic = italic
    }
}

/// `Action.OpenUrl`: a button that opens a link.
struct OpenURLAction: Encodable, Equatable {
    var type = "Action.OpenUrl"
    var title: String
    var url: String
}
