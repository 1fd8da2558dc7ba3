import Diagnosis

extension AdaptiveCard {
    /// How much of a diagnosis a card shows. A card over the size budget is rebuilt at the next, smaller
    /// level; the last one (title, text, vocabulary, link) always fits.
    struct Detail: Sendable {
        var textLength: Int
        var quotes: Int
        var quoteLength: Int
        var steps: Int
        var commandsPerStep: Int
        var commandLength: Int
        var affected: Int
        var unchecked: Int

        static let levels: [Detail] = [
            Detail(textLength: 6000, quotes: 5, quoteLength: 1000, steps: 10, commandsPerStep: 10, commandLength: 2000, affected: 30, unchecked: 10),
            Detail(textLength: 2000, quotes: 3, quoteLength: 300, steps: 5, commandsPerStep: 5, commandLength: 500, affected: 10, unchecked: 3),
            Detail(textLength: 1000, quotes: 1, quoteLength: 200, steps: 2, commandsPerStep: 3, commandLength: 300, affected: 3, unchecked: 0),
            Detail(textLength: 500, quotes: 0, quoteLength: 0, steps: 0, commandsPerStep: 0, commandLength: 0, affected: 0, unchecked: 0),
        ]
    }

    /// Longest value of a vocabulary line (namespace, image) and of the title.
    static let maxShortText = 200

    /// The card for a notification at one level of detail. `shortened` adds a note that points to the page.
    init(notification: IncidentNotification, rendered: MessageTemplates.Rendered, detail: Detail, shortened: Bool) {
        var body: [AdaptiveElement] = []
        let firing = notification.status == .firing
        let title = rendered.title.isEmpty ? "PullDoctor" : rendered.title
        body.append(.richText([TextRun(
            Self.clip(title, Self.maxShortText), weight: "bolder", size: "large", color: firing ? "attention" : "good")]))
        let paragraphs = Self.clip(rendered.text, detail.textLength).split(whereSeparator: \.isNewline)
        for paragraph in paragraphs { body.append(.richText([TextRun(String(paragraph))])) }

        if let report = notification.diagnosis {
            var facts: [(String, String)] = [
                ("Category", report.category.rawValue), ("Reason", report.reason.rawValue),
                ("Confidence", report.confidence.rawValue),
            ]
            if let namespace = notification.namespace { facts.append(("Namespace", namespace)) }
            if !report.image.isEmpty { facts.append(("Image", report.image)) }
            if let node = report.node, !node.isEmpty { facts.append(("Node", node)) }
            for (index, fact) in facts.enumerated() {
                body.append(.richText(
                    [TextRun(fact.0 + ": ", weight: "bolder"), TextRun(Self.clip(fact.1, Self.maxShortText))],
                    separator: index == 0))
            }
            let quotes = TemplateContext.quotes(of: report).prefix(detail.quotes)
            if !quotes.isEmpty {
                body.append(.heading("Evidence"))
                for quote in quotes {
                    body.append(.richText([TextRun(Self.clip(quote, detail.quoteLength), italic: true)]))
                }
            }
            let steps = report.remediation.prefix(detail.steps)
            if !steps.isEmpty {
                body.append(.heading("Fix"))
                for (index, step) in steps.enumerated() {
                    var items: [AdaptiveElement] = [.richText([TextRun("\(index + 1). " + step.title, weight: "bolder")])]
                    for command in step.commands.prefix(detail.commandsPerStep) {
                        items.append(.richText([TextRun(Self.clip(command, detail.commandLength), fontType: "monospace")]))
                    }
                    body.append(.emphasis(items))
                }
            }
            let pods = report.affected.prefix(detail.affected)
            if !pods.isEmpty {
                body.append(.heading("Affected pods (\(report.affected.count))"))
                for pod in pods {
                    var line = "\(pod.namespace)/\(pod.pod) container \(pod.container)"
                    if let reason = pod.waitingReason, !reason.isEmpty { line += " — \(reason)" }
                    body.append(.richText([TextRun(Self.clip(line, Self.maxShortText))]))
                }
                if report.affected.count > pods.count {
                    body.append(.richText([TextRun("…and \(report.affected.count - pods.count) more", isSubtle: true)]))
                }
            }
            for item in report.unchecked.prefix(detail.unchecked) {
                body.append(.richText([
                    TextRun("Not checked: ", isSubtle: true), TextRun(Self.clip(item.what, Self.maxShortText), weight: "bolder", isSubtle: true),
                    TextRun(": " + Self.clip(item.why, 500), isSubtle: true),
                ]))
            }
        }
        if shortened {
            body.append(.richText([TextRun("Shortened to fit Microsoft Teams' size limit: open the diagnosis for the full report.", isSubtle: true)], separator: true))
        }
        let actions = notification.diagnosisURL.map { [OpenURLAction(title: "Open diagnosis", url: $0)] } ?? []
        self.init(body: body, actions: actions, fallbackText: Self.clip(title, Self.maxShortText))
    }

    /// Text cut to at most `limit` characters, ending with `…` when cut.
    static func clip(_ text: String, _ limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(max(0, limit - 1))) + "…"
    }
}
