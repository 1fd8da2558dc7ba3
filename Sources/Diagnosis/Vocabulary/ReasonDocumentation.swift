/// One row of the reason reference: what a reason means, where it is decided, and what to do.
///
/// ``Reason/documentation`` holds one row per reason, in declaration order, so that the README
/// table and the `/reasons` page can be generated instead of written twice.
public struct ReasonDocumentation: Sendable, Hashable {
    /// Where a reason is decided.
    public enum Source: String, Sendable, Hashable, Codable {
        /// From the runtime's or kubelet's error text (the classifier).
        case message
        /// From cluster evidence: pull secrets, node conditions (the diagnosis after the classifier).
        case evidence
    }

    /// The reason described.
    public let reason: Reason
    /// Where it is decided.
    public let source: Source
    /// What it means, in one sentence.
    public let meaning: String
    /// The first thing to check or do, in one sentence.
    public let firstStep: String

    /// The category of ``reason``.
    public var category: Category { reason.category }

    /// Creates a row.
    public init(_ reason: Reason, _ source: Source = .message, meaning: String, firstStep: String) {
        self.reason = reason
        self.source = source
        self.meaning = meaning
        self.firstStep = firstStep
    }

    /// The reference as a Markdown table (`| reason | category | decided from | meaning | first step |`).
    public static func markdownTable(_ rows: [ReasonDocumentation] = Reason.documentation) -> String {
        var lines = [
            "| reason | category | decided from | meaning | first step |",
            "| --- | --- | --- | --- | --- |",
        ]
        for row in rows {
            let cells = [
                "`\(row.reason.rawValue)`", "`\(row.category.rawValue)`", row.source.rawValue,
                escaped(row.meaning), escaped(row.firstStep),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Pipes would end a Markdown table cell.
    private static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "|" { out += "\\|" } else { out.append(character) }
        }
        return out
    }
}
