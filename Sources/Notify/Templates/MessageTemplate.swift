import Foundation
import Mustache

/// A Mustache template for one text field of a message, bound to the escaping of the format its output
/// lands in. Values (`{{name}}`) are escaped for that format; `{{{name}}}` opts out, as Mustache defines.
///
/// Mustache escapes for HTML unless a template says otherwise, so the template text is parsed behind a
/// `CONTENT_TYPE` pragma naming the target format: the escaping cannot be forgotten by a user template.
public struct MessageTemplate: Sendable, CustomStringConvertible {
    /// Where the rendered text goes, which decides how values are escaped.
    public enum Format: String, Sendable, CaseIterable {
        /// Slack `mrkdwn` text: `&`, `<` and `>` become entities, so a value cannot mention
        /// `<!channel>` or forge a link.
        case slackMrkdwn = "PULLDOCTOR_SLACK_MRKDWN"
        /// Plain text placed where no markup is interpreted (Slack `plain_text`, Adaptive Card `TextRun`):
        /// nothing to escape.
        case plain = "PULLDOCTOR_PLAIN"
    }

    /// The source text as written (without the pragma).
    public let source: String
    /// The format values are escaped for.
    public let format: Format
    private let template: MustacheTemplate

    /// Parses `source`. Throws ``TemplateError`` when it is not valid Mustache.
    public init(_ source: String, format: Format) throws(TemplateError) {
        MessageFormats.registerOnce()
        self.source = source
        self.format = format
        let pragma = "{{% CONTENT_TYPE: \(format.rawValue)}}"
        do {
            template = try MustacheTemplate(string: pragma + source)
        } catch let error as MustacheTemplate.ParserError {
            // The pragma shares the first line: take its width off the column there.
            let line = error.context.lineNumber
            let column = line == 1 ? max(1, error.context.columnNumber - pragma.count) : error.context.columnNumber
            throw TemplateError(problem: "\(error.error)", line: line, column: column)
        } catch {
            throw TemplateError(problem: "\(error)", line: nil, column: nil)
        }
    }

    /// Renders with a context from ``TemplateContext``.
    public func render(_ context: [String: Any]) -> String {
        template.render(context)
    }

    public var description: String { "MessageTemplate(\(format), \(source.count) characters)" }
}

/// A template that is not valid Mustache, with the position of the problem.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the parser reported (e.g. `sectionCloseNameIncorrect`).
    public var problem: String
    /// 1-based line of the problem in the template source, when known.
    public var line: Int?
    public var column: Int?

    public var description: String {
        guard let line else { return "invalid Mustache template: \(problem)" }
        return "invalid Mustache template at line \(line)\(column.map { ", column \($0)" } ?? ""): \(problem)"
    }
}

/// The content types registered with swift-mustache (a process-wide table, so registered once).
enum MessageFormats {
    private static let registered: Void = {
        MustacheContentTypes.register(SlackMrkdwnEscaping(), named: MessageTemplate.Format.slackMrkdwn.rawValue)
        MustacheContentTypes.register(PlainEscaping(), named: MessageTemplate.Format.plain.rawValue)
    }()

    static func registerOnce() { _ = registered }
}

/// Slack's rule for `mrkdwn` text: escape exactly `&`, `<` and `>` as HTML entities.
struct SlackMrkdwnEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String { SlackText.escape(text) }
}

/// No escaping: the output lands where markup is not interpreted.
struct PlainEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String { text }
}
