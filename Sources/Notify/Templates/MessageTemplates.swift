/// The templated text fields of a chat message (Slack, Microsoft Teams): a one-line `title` and the
/// main `text`. The sinks build everything else (evidence, fix commands, affected pods, the link) from
/// the diagnosis itself, with the limits of each format applied.
public struct MessageTemplates: Sendable {
    /// The headline: the Slack header block, the card's title, the notification preview.
    public var title: MessageTemplate
    /// The main text under the headline.
    public var text: MessageTemplate

    public init(title: MessageTemplate, text: MessageTemplate) {
        self.title = title
        self.text = text
    }

    /// The rendered fields of one notification.
    public struct Rendered: Sendable, Equatable {
        public var title: String
        public var text: String
    }

    /// Renders both fields. Blank lines left by sections that rendered nothing are squeezed, and the
    /// title is made one line (headers cannot hold line breaks).
    public func render(_ notification: IncidentNotification) -> Rendered {
        let context = TemplateContext.of(notification)
        let title = title.render(context).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        return Rendered(title: title, text: Self.squeeze(text.render(context)))
    }

    /// Trims the text and keeps at most one empty line between paragraphs.
    static func squeeze(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }.isEmpty ? Substring("") : line
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    // MARK: Defaults

    /// The built-in title: `Registry credentials rejected · shop/web`, prefixed `Resolved:` once resolved.
    public static let defaultTitleSource =
        "{{#resolved}}Resolved: {{/resolved}}{{cause}}{{#owner_name}} · {{#namespace}}{{namespace}}/{{/namespace}}{{owner_name}}{{/owner_name}}"

    /// The built-in Slack text (mrkdwn). The vocabulary follows it in a context block.
    public static let defaultSlackTextSource = """
        {{#resolved}}The alert has resolved.
        {{/resolved}}
        {{#diagnosed}}*{{summary}}*{{/diagnosed}}{{^diagnosed}}*PullDoctor could not finish a diagnosis in time.* The alert is forwarded as received.{{/diagnosed}}
        {{#image}}Image `{{image}}`{{/image}}{{#partial}} · _partial: the investigation hit its deadline_{{/partial}}
        """

    /// The built-in Microsoft Teams text (plain: it lands in Adaptive Card text runs, where no markup
    /// applies). The image and the vocabulary follow it on the card as facts.
    public static let defaultTeamsTextSource = """
        {{#resolved}}The alert has resolved.
        {{/resolved}}
        {{#diagnosed}}{{summary}}{{/diagnosed}}{{^diagnosed}}PullDoctor could not finish a diagnosis in time. The alert is forwarded as received.{{/diagnosed}}
        {{#partial}}Partial: the investigation hit its deadline; some checks did not run.{{/partial}}
        """

    /// Slack's defaults: a plain-text title (header blocks are `plain_text`) and a mrkdwn text.
    public static func slackDefaults() -> MessageTemplates {
        // The built-in sources are constants checked by the tests; a parse failure here is a programmer error.
        // swiftlint:disable:next force_try
        try! MessageTemplates(
            title: MessageTemplate(defaultTitleSource, format: .plain),
            text: MessageTemplate(defaultSlackTextSource, format: .slackMrkdwn))
    }

    /// Microsoft Teams' defaults: both plain.
    public static func teamsDefaults() -> MessageTemplates {
        // swiftlint:disable:next force_try
        try! MessageTemplates(
            title: MessageTemplate(defaultTitleSource, format: .plain),
            text: MessageTemplate(defaultTeamsTextSource, format: .plain))
    }
}

/// Two template sets are equal when their sources and formats are.
extension MessageTemplates: Equatable {
    public static func == (lhs: MessageTemplates, rhs: MessageTemplates) -> Bool {
        lhs.title.source == rhs.title.source && lhs.title.format == rhs.title.format
            && lhs.text.source == rhs.text.source && lhs.text.format == rhs.text.format
    }
}
