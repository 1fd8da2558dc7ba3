import Foundation

/// A `fieldSelector` query parameter: comma-separated `field=value`, `field==value` or `field!=value` terms.
///
/// Values may escape `\`, `,` and `=` with a backslash, as client-go writes them. Each field must be one the
/// API server supports for the resource (`ResourceType.fieldLabels`); anything else is the server's
/// 400 `field label not supported: X` (kubernetes `pkg/apis/core/v1/conversion.go`).
public struct FieldSelector: Sendable, Equatable {
    /// One term.
    public struct Term: Sendable, Equatable {
        /// The field label, e.g. `involvedObject.name`.
        public let field: String
        /// The value compared against.
        public let value: String
        /// `true` for `!=`.
        public let negated: Bool
    }

    /// The terms; empty selects everything.
    public let terms: [Term]

    /// Parses a selector; the empty string selects everything.
    public init(parsing text: String) throws(SelectorError) {
        var terms: [Term] = []
        for part in Self.splitUnescaped(text, on: ",") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
            terms.append(try Self.term(part, in: text))
        }
        self.terms = terms
    }

    /// The first field not supported for `type`, if any: the request must then fail.
    public func unsupportedField(for type: ResourceType) -> String? {
        terms.first { type.fieldLabels[$0.field] == nil }?.field
    }

    /// Whether `object` of `type` is selected; unsupported fields never match.
    public func matches(_ object: KubeObject, as type: ResourceType) -> Bool {
        terms.allSatisfy { term in
            guard let path = type.fieldLabels[term.field] else { return false }
            let actual = object.json.value(atPath: path)?.selectorText ?? ""
            return (actual == term.value) != term.negated
        }
    }

    private static func term(_ part: String, in text: String) throws(SelectorError) -> Term {
        let characters = Array(part)
        var index = 0
        while index < characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if characters[index] == "!" && next == "=" {
                return try make(characters, keyEnd: index, valueStart: index + 2, negated: true, in: text)
            }
            if characters[index] == "=" {
                let valueStart = next == "=" ? index + 2 : index + 1
                return try make(characters, keyEnd: index, valueStart: valueStart, negated: false, in: text)
            }
            index += 1
        }
        throw SelectorError(text, "invalid field selector term \"\(part)\": expected field=value or field!=value")
    }

    private static func make(_ characters: [Character], keyEnd: Int, valueStart: Int, negated: Bool, in text: String) throws(SelectorError) -> Term {
        let field = String(characters[..<keyEnd]).trimmingCharacters(in: .whitespaces)
        guard !field.isEmpty else { throw SelectorError(text, "a field selector term has no field name") }
        let value = unescape(String(characters[min(valueStart, characters.count)...]))
        return Term(field: field, value: value, negated: negated)
    }

    /// Splits on `separator` where it is not preceded by a backslash escape.
    static func splitUnescaped(_ text: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping {
                current.append("\\")
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == separator {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaping { current.append("\\") }
        parts.append(current)
        return parts
    }

    static func unescape(_ text: String) -> String {
        var output = ""
        var escaping = false
        for character in text {
            if escaping {
                output.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                output.append(character)
            }
        }
        return output
    }
}
