import Diagnosis
import Foundation
import Testing

/// The README is the user's manual: the parts generated from code must match the code.
/// Run with `PULLDOCTOR_UPDATE_DOCS=1` to rewrite them after a change.
@Suite("README stays true")
struct ReadmeTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    static func section(_ name: String, in text: String) -> (range: Range<String.Index>, body: String)? {
        guard let begin = text.range(of: "<!-- \(name):begin -->\n"), let end = text.range(of: "<!-- \(name):end -->") else { return nil }
        let range = begin.upperBound..<end.lowerBound
        return (range, String(text[range]))
    }

    @Test("the reasons table lists every reason with its category, as the code documents them")
    func reasons() throws {
        var text = try String(contentsOf: Self.readme, encoding: .utf8)
        let expected = ReasonDocumentation.markdownTable()
        let section = try #require(Self.section("reasons", in: text), "README needs <!-- reasons:begin --> ... <!-- reasons:end -->")
        if ProcessInfo.processInfo.environment["PULLDOCTOR_UPDATE_DOCS"] == "1", section.body != expected {
            text.replaceSubrange(section.range, with: expected)
            try text.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(section.body == expected, "README reasons table is stale: run PULLDOCTOR_UPDATE_DOCS=1 swift test --filter ReadmeTests")
        for reason in Reason.allCases {
            #expect(section.body.contains("`\(reason.rawValue)`"), "README lacks reason \(reason.rawValue)")
        }
    }

    @Test("every category is documented")
    func categories() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let section = try #require(Self.section("categories", in: text))
        for category in Category.allCases {
            #expect(section.body.contains("`\(category.rawValue)`"), "README lacks category \(category.rawValue)")
        }
    }
}
