import Foundation

/// One Alertmanager label matcher: `name=value`, `name!=value`, `name=~regex` or `name!~regex`.
///
/// Semantics follow Alertmanager's: a missing label matches as the empty string (so `team=""` selects
/// alerts without `team`), and a regex must match the whole value, as if written `^(?:regex)$`.
public struct Matcher: Sendable, Equatable, CustomStringConvertible {
    /// The four operators.
    public enum Operator: String, Sendable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case regex = "=~"
        case notRegex = "!~"
    }

    /// The label name.
    public let name: String
    public let op: Operator
    /// The value (after unquoting and unescaping), or the regex source.
    public let value: String
    /// The compiled, anchored regex for `=~` and `!~`.
    private let pattern: AnchoredRegex?

    /// A matcher; throws ``MatcherError`` for an invalid label name or regex.
    public init(name: String, op: Operator, value: String) throws(MatcherError) {
        guard Self.isValidLabelName(name) else {
            throw MatcherError(reason: .invalidName, input: name, problem: "\"\(name)\" is not a valid label name")
        }
        self.name = name
        self.op = op
        self.value = value
        switch op {
        case .equal, .notEqual:
            pattern = nil
        case .regex, .notRegex:
            pattern = try AnchoredRegex(value)
        }
    }

    /// Whether `labels` satisfy this matcher (a missing label counts as empty).
    public func matches(_ labels: [String: String]) -> Bool {
        let actual = labels[name] ?? ""
        switch op {
        case .equal: return actual == value
        case .notEqual: return actual != value
        case .regex: return pattern?.matches(actual) ?? false
        case .notRegex: return !(pattern?.matches(actual) ?? false)
        }
    }

    /// Whether every matcher is satisfied (an empty list matches everything).
    public static func all(_ matchers: [Matcher], match labels: [String: String]) -> Bool {
        matchers.allSatisfy { $0.matches(labels) }
    }

    /// The matcher in Alertmanager's syntax, value quoted and escaped: `namespace=~"shop|cart"`.
    public var description: String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\(name)\(op.rawValue)\"\(escaped)\""
    }

    public static func == (lhs: Matcher, rhs: Matcher) -> Bool {
        lhs.name == rhs.name && lhs.op == rhs.op && lhs.value == rhs.value
    }

    /// Prometheus label names: `[a-zA-Z_:][a-zA-Z0-9_:]*` (what Alertmanager 0.25's parser accepts).
    static func isValidLabelName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || first == "_" || first == ":" else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == ":") }
    }
}

/// A regex that must match a whole value.
///
/// Alertmanager compiles `^(?:re)$` with Go's RE2, where `$` means the end of the text. ICU (which
/// `NSRegularExpression` uses) lets `$` also match before a final line break, so `\A(?:re)\z` is used to
/// keep `a` from matching `"a\n"`.
struct AnchoredRegex: @unchecked Sendable {
    // NSRegularExpression is immutable once built and documented as safe to share between threads.
    private let regex: NSRegularExpression

    init(_ source: String) throws(MatcherError) {
        do {
            regex = try NSRegularExpression(pattern: "\\A(?:" + source + ")\\z")
        } catch {
            throw MatcherError(reason: .invalidRegex, input: source, problem: "\"\(source)\" is not a valid regular expression")
        }
    }

    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// A matcher that could not be parsed, with what is wrong.
public struct MatcherError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bounded kinds of problem.
    public enum Reason: String, Sendable, CaseIterable {
        /// Not `name op value`.
        case badFormat = "bad_format"
        /// The label name is not a Prometheus label name.
        case invalidName = "invalid_name"
        /// A `"` inside the value is not escaped, or the closing quote is missing.
        case unescapedQuote = "unescaped_quote"
        /// The regex does not compile.
        case invalidRegex = "invalid_regex"
    }

    public let reason: Reason
    /// The text at fault.
    public let input: String
    /// What is wrong, for a person.
    public let problem: String

    public var description: String { problem }
}
