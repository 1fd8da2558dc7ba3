/// Slack `mrkdwn` text rules: escaping, links, code blocks and truncation within Block Kit's limits.
///
/// Slack asks for exactly three characters to be escaped in text: `&`, `<` and `>`
/// (https://api.slack.com/reference/surfaces/formatting#escaping). Once escaped, a value such as
/// `<!channel>` or `<https://evil|click>` shows as typed and cannot ping a channel or forge a link.
public enum SlackText {
    /// `&`, `<`, `>` as `&amp;`, `&lt;`, `&gt;`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A link `<url|label>`. The label is escaped; in the URL the characters that would end the link
    /// (`|`, `>`) or open another (`<`) are percent-encoded, and `&` is escaped as Slack asks.
    public static func link(_ url: String, label: String) -> String {
        var safe = ""
        for character in url {
            switch character {
            case "|": safe += "%7C"
            case "<": safe += "%3C"
            case ">": safe += "%3E"
            case "&": safe += "&amp;"
            case " ": safe += "%20"
            default: safe.append(character)
            }
        }
        return "<\(safe)|\(escape(label))>"
    }

    /// A fenced code block of already unescaped lines. A "```" inside a line is broken with a zero-width
    /// space so it cannot close the block early.
    public static func codeBlock(_ lines: [String]) -> String {
        let body = lines.map { escape($0).replacingOccurrences(of: "```", with: "`\u{200B}``") }
        return "```\n" + body.joined(separator: "\n") + "\n```"
    }

    /// Plain (unescaped) text cut to at most `limit` UTF-16 units, ending with `…` when cut.
    public static func clip(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var cut = ""
        var used = 0
        for character in text {
            used += character.utf16.count
            if used > limit - 1 { break }
            cut.append(character)
        }
        return cut + "…"
    }

    /// mrkdwn text cut to at most `limit` UTF-16 units (Slack counts characters; UTF-16 never counts fewer),
    /// ending with `tail` when cut. The cut never leaves half an entity (`&am`) or an open link (`<http`).
    public static func truncate(_ text: String, to limit: Int, tail: String = "…") -> String {
        guard text.utf16.count > limit else { return text }
        let budget = max(0, limit - tail.utf16.count)
        var cut = ""
        var used = 0
        for character in text {
            let width = character.utf16.count
            if used + width > budget { break }
            cut.append(character)
            used += width
        }
        if let amp = cut.lastIndex(of: "&"), !cut[amp...].contains(";") { cut = String(cut[..<amp]) }
        if let open = cut.lastIndex(of: "<"), !cut[open...].contains(">") { cut = String(cut[..<open]) }
        // An odd number of ``` fences means the cut is inside a code block: close it.
        if cut.components(separatedBy: "```").count % 2 == 0 {
            let closer = "\n```"
            while cut.utf16.count + closer.utf16.count > budget, !cut.isEmpty { cut.removeLast() }
            cut += closer
        }
        return cut + tail
    }
}
