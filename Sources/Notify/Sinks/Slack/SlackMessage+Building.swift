import Diagnosis

extension SlackMessage {
    /// Most remediation steps shown; the rest are on the diagnosis page.
    static let maxFixSteps = 8
    /// Most affected pods listed.
    static let maxAffectedListed = 15
    /// Longest single evidence quote.
    static let maxQuoteLength = 500

    /// The message for a notification: header (cause), the templated text, the vocabulary as context,
    /// evidence quotes, fix commands in code blocks, affected pods, what was not checked, and the link.
    /// Anything over a Block Kit limit is cut with a pointer to the diagnosis page rather than rejected.
    public init(notification: IncidentNotification, rendered: MessageTemplates.Rendered) {
        let url = notification.diagnosisURL
        let more = url.map { "… " + SlackText.link($0, label: "full diagnosis") } ?? "…"
        func section(_ text: String) -> SlackBlock {
            .section(SlackText.truncate(text, to: Self.maxSectionLength, tail: more))
        }

        var blocks: [SlackBlock] = []
        let title = rendered.title.isEmpty ? "PullDoctor" : rendered.title
        blocks.append(.header(SlackText.clip(title, to: Self.maxHeaderLength)))
        if !rendered.text.isEmpty { blocks.append(section(rendered.text)) }

        if let report = notification.diagnosis {
            blocks.append(.context(Self.vocabulary(report, namespace: notification.namespace)))
            let quotes = TemplateContext.quotes(of: report).prefix(TemplateContext.maxQuotes)
            if !quotes.isEmpty {
                let lines = quotes.map { quote in
                    let quoted = quote.split(whereSeparator: \.isNewline).map { "> " + SlackText.escape(String($0)) }
                    return SlackText.truncate(quoted.joined(separator: "\n"), to: Self.maxQuoteLength)
                }
                blocks.append(section("*Evidence*\n" + lines.joined(separator: "\n")))
            }
            for (index, step) in report.remediation.prefix(Self.maxFixSteps).enumerated() {
                var text = "*\(index + 1). \(SlackText.escape(step.title))*"
                if !step.commands.isEmpty { text += "\n" + SlackText.codeBlock(step.commands) }
                blocks.append(section(text))
            }
            if report.remediation.count > Self.maxFixSteps {
                let rest = report.remediation.count - Self.maxFixSteps
                blocks.append(.context(["\(rest) more step\(rest == 1 ? "" : "s") " + (url.map { "in the " + SlackText.link($0, label: "diagnosis") } ?? "in the diagnosis")]))
            }
            if !report.affected.isEmpty { blocks.append(section(Self.affected(report.affected, more: url))) }
            if !report.unchecked.isEmpty {
                let items = report.unchecked.prefix(Self.maxContextElements).map {
                    SlackText.truncate("Not checked: *\(SlackText.escape($0.what))*: \(SlackText.escape($0.why))", to: 2000)
                }
                blocks.append(.context(Array(items)))
            }
        }
        blocks = Self.capped(blocks, link: url.map { .section(SlackText.link($0, label: "Open the full diagnosis in PullDoctor")) })

        var fallback = SlackText.escape(title)
        if let summary = notification.diagnosis?.summary, !summary.isEmpty { fallback += ": " + SlackText.escape(summary) }
        self.init(text: SlackText.truncate(fallback, to: Self.maxFallbackLength), blocks: blocks,
                  idempotencyKey: notification.idempotencyKey)
    }

    /// The blocks followed by the link, within ``maxBlocks``: when over, the head is kept, then a note
    /// saying the message was shortened, then the link.
    static func capped(_ blocks: [SlackBlock], link: SlackBlock?) -> [SlackBlock] {
        let tail = link.map { [$0] } ?? []
        guard blocks.count + tail.count > maxBlocks else { return blocks + tail }
        let note = SlackBlock.context(["Message shortened to Slack's \(maxBlocks)-block limit."])
        return Array(blocks.prefix(maxBlocks - 1 - tail.count)) + [note] + tail
    }

    /// Category, reason, confidence and namespace as context elements.
    static func vocabulary(_ report: DiagnosisReport, namespace: String?) -> [String] {
        var out = [
            "*Category:* `\(SlackText.escape(report.category.rawValue))`",
            "*Reason:* `\(SlackText.escape(report.reason.rawValue))`",
            "*Confidence:* \(SlackText.escape(report.confidence.rawValue))",
        ]
        if let namespace { out.append("*Namespace:* `\(SlackText.escape(namespace))`") }
        if report.partial { out.append("_Partial: the investigation hit its deadline_") }
        return out
    }

    /// The affected pods as a bulleted list, the first few only.
    static func affected(_ pods: [AffectedContainer], more url: String?) -> String {
        var lines = ["*Affected pods* (\(pods.count))"]
        for pod in pods.prefix(Self.maxAffectedListed) {
            var line = "• `\(SlackText.escape(pod.namespace))/\(SlackText.escape(pod.pod))` container `\(SlackText.escape(pod.container))`"
            if let reason = pod.waitingReason, !reason.isEmpty { line += " — \(SlackText.escape(reason))" }
            lines.append(line)
        }
        if pods.count > Self.maxAffectedListed {
            let rest = pods.count - Self.maxAffectedListed
            lines.append("…and \(rest) more" + (url.map { " in the " + SlackText.link($0, label: "diagnosis") } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
