import Testing
@testable import Notify

@Suite("Alertmanager matchers")
struct MatcherTests {
    @Test("valid matchers parse", arguments: [
        ("foo=bar", "foo", Matcher.Operator.equal, "bar"),
        ("foo = bar", "foo", .equal, "bar"),
        ("  foo=\"bar\"  ", "foo", .equal, "bar"),
        ("foo!=bar", "foo", .notEqual, "bar"),
        ("foo=~ba.*", "foo", .regex, "ba.*"),
        ("foo!~\"5..\"", "foo", .notRegex, "5.."),
        ("foo=", "foo", .equal, ""),
        ("foo=\"\"", "foo", .equal, ""),
        ("foo=~\"\"", "foo", .regex, ""),
        ("_a:b=1", "_a:b", .equal, "1"),
        ("foo=\"a \\\"quoted\\\" word\"", "foo", .equal, "a \"quoted\" word"),
        ("foo=\"back\\\\slash\"", "foo", .equal, "back\\slash"),
        ("foo=\"line\\nbreak\"", "foo", .equal, "line\nbreak"),
        ("foo=\"spurious\\qescape\"", "foo", .equal, "spurious\\qescape"),
        ("foo=trailing\\", "foo", .equal, "trailing\\"),
        ("foo=~\"a=b\"", "foo", .regex, "a=b"),
        ("foo==bar", "foo", .equal, "=bar"),
        ("foo=bär", "foo", .equal, "bär"),
    ])
    func valid(text: String, name: String, op: Matcher.Operator, value: String) throws {
        let matcher = try Matcher.parse(text)
        #expect(matcher.name == name)
        #expect(matcher.op == op)
        #expect(matcher.value == value)
        // The description is valid syntax that parses back to the same matcher.
        #expect(try Matcher.parse(matcher.description) == matcher)
    }

    @Test("invalid matchers are rejected with a reason", arguments: [
        ("foo", MatcherError.Reason.badFormat),
        ("", .badFormat),
        ("=bar", .badFormat),
        ("1foo=bar", .badFormat),
        ("foo-bar=baz", .badFormat),
        ("foo bar=baz", .badFormat),
        ("foo~=bar", .badFormat),
        ("foo=\"bar", .unescapedQuote),
        ("foo=bar\"", .unescapedQuote),
        ("foo=\"a\"b\"", .unescapedQuote),
        ("foo=~\"(unclosed\"", .invalidRegex),
        ("foo=~\"[z-a]\"", .invalidRegex),
    ])
    func invalid(text: String, reason: MatcherError.Reason) {
        #expect(throws: MatcherError.self) { try Matcher.parse(text) }
        do {
            _ = try Matcher.parse(text)
        } catch {
            #expect(error.reason == reason)
            #expect(!error.problem.isEmpty)
        }
    }

    @Test("evaluation", arguments: [
        ("team=db", ["team": "db"], true),
        ("team=db", ["team": "dba"], false),
        ("team=db", [:], false),
        ("team=\"\"", [:], true),
        ("team=\"\"", ["team": "db"], false),
        ("team!=db", [:], true),
        ("team!=db", ["team": "db"], false),
        ("team=~\"d.\"", ["team": "db"], true),
        ("team=~\"d\"", ["team": "db"], false),
        ("team=~\"b\"", ["team": "db"], false),
        ("team=~\"db|web\"", ["team": "web"], true),
        ("team=~\"db|web\"", ["team": "webapp"], false),
        ("team=~\".*\"", [:], true),
        ("team=~\".+\"", [:], false),
        ("team!~\"db|web\"", ["team": "ops"], true),
        ("team!~\"db|web\"", ["team": "db"], false),
        // Whole-value match, as Go's RE2 does: `$` does not match before a trailing line break.
        ("team=~\"db\"", ["team": "db\n"], false),
        ("team=~\"db\\\\n\"", ["team": "db\n"], true),
        ("msg=~\"a.b\"", ["msg": "a\nb"], false),
    ] as [(String, [String: String], Bool)])
    func evaluation(text: String, labels: [String: String], expected: Bool) throws {
        #expect(try Matcher.parse(text).matches(labels) == expected)
    }

    @Test("matcher lists, with braces, quoted commas and a trailing comma")
    func lists() throws {
        let matchers = try Matcher.parseList("{foo = \"bar\", dings != \"bums\", }")
        #expect(matchers.map(\.description) == ["foo=\"bar\"", "dings!=\"bums\""])
        let quoted = try Matcher.parseList("quote=\"She said: \\\"Hi, all\\\"\",statuscode=~\"5..\"")
        #expect(quoted.count == 2)
        #expect(quoted[0].value == "She said: \"Hi, all\"")
        #expect(quoted[1].op == .regex)
        #expect(try Matcher.parseList("").isEmpty)
        #expect(throws: MatcherError.self) { try Matcher.parseList("a=b,,c=d") }
        #expect(Matcher.all(try Matcher.parseList("a=1,b=~\"2|3\""), match: ["a": "1", "b": "3"]))
        #expect(!Matcher.all(try Matcher.parseList("a=1,b=~\"2|3\""), match: ["a": "1", "b": "4"]))
        #expect(Matcher.all([], match: [:]))
    }
}
