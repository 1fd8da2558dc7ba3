import Foundation
import Testing
@testable import Store

@Suite("Label and annotation JSON")
struct StringMapJSONTests {
    @Test("Any string survives a round trip through JSONDecoder", arguments: [
        ["plain": "value"],
        ["quote": #"say "hi""#, "backslash": #"C:\path\n"#, "slash": "a/b"],
        ["control": "line\nbreak\r\ttab\u{01}\u{1f}\u{08}\u{0c}", "nul": "a\u{0}b"],
        ["unicode": "Grüße, 画像, 🐳", "é": "combining e\u{301}"],
        ["": ""],
        [:],
    ])
    func roundTrip(map: [String: String]) throws {
        let text = StringMapJSON.encode(map)
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        #expect(decoded == map)
        #expect(StringMapJSON.decode(text) == map)
    }

    @Test("Keys are sorted, so equal maps give equal text")
    func sortedKeys() {
        var forward: [String: String] = [:]
        var backward: [String: String] = [:]
        for index in 0..<50 {
            forward["k\(index)"] = "v\(index)"
        }
        for index in (0..<50).reversed() {
            backward["k\(index)"] = "v\(index)"
        }
        #expect(StringMapJSON.encode(forward) == StringMapJSON.encode(backward))
        #expect(StringMapJSON.encode(["b": "2", "a": "1"]) == #"{"a":"1","b":"2"}"#)
    }

    @Test("Text that is not a string map reads as empty")
    func invalidText() {
        #expect(StringMapJSON.decode("not json").isEmpty)
        #expect(StringMapJSON.decode(#"{"a":1}"#).isEmpty)
    }
}
