extension Matcher {
    /// Parses one matcher in Alertmanager's syntax: a label name, an operator (`=`, `!=`, `=~`, `!~`) and
    /// a value, with any whitespace around each. The value may be double-quoted; inside it `\"` is a quote,
    /// `\\` a backslash and `\n` a line feed, while any other backslash stays literal. An unescaped `"`
    /// may only open and close a quoted value.
    public static func parse(_ text: String) throws(MatcherError) -> Matcher {
        var rest = Substring(text).drop { $0.isWhitespace }
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
        guard !name.isEmpty, !(name.first?.isNumber ?? true) else { throw badFormat(text) }
        rest = rest.dropFirst(name.count).drop { $0.isWhitespace }
        let op: Operator
        // `=~` before `=`, or `=~x` would read as `=` with the value `~x`.
        if rest.hasPrefix("=~") { op = .regex } else if rest.hasPrefix("!=") { op = .notEqual }
        else if rest.hasPrefix("!~") { op = .notRegex } else if rest.hasPrefix("=") { op = .equal }
        else { throw badFormat(text) }
        rest = rest.dropFirst(op.rawValue.count).drop { $0.isWhitespace }
        while let last = rest.last, last.isWhitespace { rest = rest.dropLast() }
        return try Matcher(name: String(name), op: op, value: unescape(rest, original: text))
    }

    /// Parses a comma-separated list of matchers, optionally in braces: `{team="db", severity=~"crit|warn"}`.
    /// Commas inside quoted values do not separate; a trailing comma is allowed. Each list item of a sink's
    /// `matchers` setting is read this way, as Alertmanager reads its route `matchers`.
    public static func parseList(_ text: String) throws(MatcherError) -> [Matcher] {
        var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if body.hasPrefix("{") { body = body.dropFirst() }
        if body.hasSuffix("}") { body = body.dropLast() }
        var tokens: [String] = []
        var token = ""
        var quoted = false
        var escaped = false
        for character in body {
            if character == ",", !quoted {
                tokens.append(token)
                token = ""
                continue
            }
            if character == "\"", !escaped { quoted.toggle() }
            escaped = character == "\\" ? !escaped : false
            token.append(character)
        }
        tokens.append(token)
        // Only the last item may be empty (a trailing comma); an empty item elsewhere is a typo.
        if tokens.last?.allSatisfy(\.isWhitespace) == true { tokens.removeLast() }
        var matchers: [Matcher] = []
        for token in tokens {
            matchers.append(try parse(token))
        }
        return matchers
    }

    /// Unquotes and unescapes a raw value as Alertmanager does.
    private static func unescape(_ raw: Substring, original: String) throws(MatcherError) -> String {
        var raw = raw
        var expectClosingQuote = false
        if raw.first == "\"" {
            raw = raw.dropFirst()
            expectClosingQuote = true
        }
        var value = ""
        var escaped = false
        var index = raw.startIndex
        while index < raw.endIndex {
            let character = raw[index]
            let isLast = raw.index(after: index) == raw.endIndex
            defer { index = raw.index(after: index) }
            if escaped {
                escaped = false
                switch character {
                case "n": value.append("\n")
                case "\"", "\\": value.append(character)
                default: value += "\\" + String(character)  // a spurious escape stays literal
                }
                continue
            }
            switch character {
            case "\\":
                if isLast { value.append("\\") } else { escaped = true }
            case "\"":
                guard expectClosingQuote, isLast else { throw unescapedQuote(original) }
                expectClosingQuote = false
            default:
                value.append(character)
            }
        }
        if expectClosingQuote { throw unescapedQuote(original) }
        return value
    }

    private static func badFormat(_ text: String) -> MatcherError {
        MatcherError(reason: .badFormat, input: text,
                     problem: "\"\(text)\" is not a matcher: write name=value, name!=value, name=~regex or name!~regex")
    }

    private static func unescapedQuote(_ text: String) -> MatcherError {
        MatcherError(reason: .unescapedQuote, input: text,
                     problem: "\"\(text)\" has an unescaped double quote in its value (write \\\" inside quotes)")
    }
}
