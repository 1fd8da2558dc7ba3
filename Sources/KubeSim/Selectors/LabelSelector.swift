/// A `labelSelector` query parameter: comma-separated requirements, all of which must hold.
///
/// Supports the set-based grammar the API server accepts: `key`, `!key`, `key=value`, `key==value`,
/// `key!=value`, `key in (a,b)`, `key notin (a,b)`, and the numeric `key>1`, `key<1`.
public struct LabelSelector: Sendable, Equatable {
    /// One requirement on one label.
    public enum Requirement: Sendable, Equatable {
        case exists(String)
        case doesNotExist(String)
        case equals(String, String)
        case notEquals(String, String)
        case `in`(String, Set<String>)
        case notIn(String, Set<String>)
        case greaterThan(String, Int)
        case lessThan(String, Int)
    }

    /// The requirements; empty selects everything.
    public let requirements: [Requirement]

    /// Parses a selector; the empty string selects everything.
    public init(parsing text: String) throws(SelectorError) {
        var lexer = SelectorLexer(text)
        var requirements: [Requirement] = []
        while lexer.peek() != nil {
            requirements.append(try Self.requirement(&lexer, in: text))
            switch lexer.next() {
            case nil, .comma: continue
            case let token?: throw SelectorError(text, "expected ',' after a requirement, found \(token)")
            }
        }
        self.requirements = requirements
    }

    /// Whether an object with these labels is selected.
    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .exists(let key): return labels[key] != nil
            case .doesNotExist(let key): return labels[key] == nil
            case .equals(let key, let value): return labels[key] == value
            case .notEquals(let key, let value): return labels[key] != value
            case .in(let key, let values): return labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): return !(labels[key].map(values.contains) ?? false)
            case .greaterThan(let key, let bound): return labels[key].flatMap { Int($0) }.map { $0 > bound } ?? false
            case .lessThan(let key, let bound): return labels[key].flatMap { Int($0) }.map { $0 < bound } ?? false
            }
        }
    }

    private static func requirement(_ lexer: inout SelectorLexer, in text: String) throws(SelectorError) -> Requirement {
        if lexer.peek() == .bang {
            _ = lexer.next()
            guard case .word(let key)? = lexer.next() else { throw SelectorError(text, "expected a label key after '!'") }
            return .doesNotExist(key)
        }
        guard case .word(let key)? = lexer.next() else { throw SelectorError(text, "expected a label key") }
        switch lexer.peek() {
        case nil, .comma:
            return .exists(key)
        case .equals, .doubleEquals:
            _ = lexer.next()
            return .equals(key, lexer.optionalWord())
        case .notEquals:
            _ = lexer.next()
            return .notEquals(key, lexer.optionalWord())
        case .greaterThan, .lessThan:
            let greater = lexer.next() == .greaterThan
            guard case .word(let word)? = lexer.next(), let bound = Int(word) else {
                throw SelectorError(text, "expected an integer after '\(greater ? ">" : "<")' for \(key)")
            }
            return greater ? .greaterThan(key, bound) : .lessThan(key, bound)
        case .word("in"), .word("notin"):
            let negated = lexer.next() == .word("notin")
            let values = try valueSet(&lexer, key: key, in: text)
            return negated ? .notIn(key, values) : .in(key, values)
        case let token?:
            throw SelectorError(text, "unexpected \(token) after label key \(key)")
        }
    }

    private static func valueSet(_ lexer: inout SelectorLexer, key: String, in text: String) throws(SelectorError) -> Set<String> {
        guard lexer.next() == .open else { throw SelectorError(text, "expected '(' after in/notin for \(key)") }
        var values: Set<String> = []
        while true {
            switch lexer.next() {
            case .word(let value)?: values.insert(value)
            case .comma?: continue
            case .close?: return values
            default: throw SelectorError(text, "unterminated value list for \(key)")
            }
        }
    }
}

/// A selector the API server would reject with 400 BadRequest.
public struct SelectorError: Error, Equatable, CustomStringConvertible {
    /// The selector as given.
    public let selector: String
    /// What is wrong with it.
    public let problem: String

    init(_ selector: String, _ problem: String) {
        self.selector = selector
        self.problem = problem
    }

    public var description: String { "invalid selector \"\(selector)\": \(problem)" }
}

/// Tokens of the label selector grammar.
enum SelectorToken: Equatable, CustomStringConvertible {
    case word(String), comma, open, close, bang, equals, doubleEquals, notEquals, greaterThan, lessThan

    var description: String {
        switch self {
        case .word(let word): return "'\(word)'"
        case .comma: return "','"
        case .open: return "'('"
        case .close: return "')'"
        case .bang: return "'!'"
        case .equals: return "'='"
        case .doubleEquals: return "'=='"
        case .notEquals: return "'!='"
        case .greaterThan: return "'>'"
        case .lessThan: return "'<'"
        }
    }
}

/// Splits a label selector into tokens, skipping whitespace.
struct SelectorLexer {
    private var tokens: [SelectorToken] = []
    private var position = 0

    init(_ text: String) {
        let characters = Array(text)
        var index = 0
        var word = ""
        func flush() {
            if !word.isEmpty { tokens.append(.word(word)) }
            word = ""
        }
        while index < characters.count {
            let character = characters[index]
            let following = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case " ", "\t": flush()
            case ",": flush(); tokens.append(.comma)
            case "(": flush(); tokens.append(.open)
            case ")": flush(); tokens.append(.close)
            case ">": flush(); tokens.append(.greaterThan)
            case "<": flush(); tokens.append(.lessThan)
            case "=" where following == "=": flush(); tokens.append(.doubleEquals); index += 1
            case "=": flush(); tokens.append(.equals)
            case "!" where following == "=": flush(); tokens.append(.notEquals); index += 1
            case "!": flush(); tokens.append(.bang)
            default: word.append(character)
            }
            index += 1
        }
        flush()
    }

    func peek() -> SelectorToken? { position < tokens.count ? tokens[position] : nil }

    mutating func next() -> SelectorToken? {
        defer { position += 1 }
        return peek()
    }

    /// A value after `=`/`!=`, which may be empty (`tier=` selects an empty label value).
    mutating func optionalWord() -> String {
        if case .word(let word)? = peek() {
            position += 1
            return word
        }
        return ""
    }
}
