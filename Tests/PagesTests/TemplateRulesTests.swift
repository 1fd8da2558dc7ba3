import Foundation
@testable import Pages
import Testing

/// The rules the templates promise to keep (see `PageTemplates`), checked on their source.
@Suite struct TemplateRulesTests {
    /// The view properties an `href` may print: URLs the views build from validated ids or encoded filters.
    static let linkValues: Set<String> = ["url", "diagnosisURL", "previousURL", "nextURL", "currentURL", "jsonURL"]

    @Test(arguments: PageTemplates.Name.allCases)
    func noUnescapedValue(name: PageTemplates.Name) {
        let source = PageTemplates.source(name)
        #expect(!source.contains("{{{"), "\(name): triple mustache prints a value unescaped")
        #expect(!source.contains("{{&"), "\(name): {{& prints a value unescaped")
        #expect(!source.contains("style="), "\(name): inline styles are refused by the policy")
        #expect(!source.contains("<script>"), "\(name): inline scripts are refused by the policy")
    }

    @Test(arguments: PageTemplates.Name.allCases)
    func everyLinkIsLocal(name: PageTemplates.Name) throws {
        let source = PageTemplates.source(name)
        let attribute = try Regex(#"(?:href|src|action)="([^"]*)""#)
        for match in source.matches(of: attribute) {
            let value = String(source[match.range]).split(separator: "\"", maxSplits: 1)[1].dropLast()
            if value.hasPrefix("{{") {
                let variable = value.dropFirst(2).prefix { $0 != "}" }
                #expect(Self.linkValues.contains(String(variable)), "\(name): link from {{\(variable)}}")
                #expect(value.hasSuffix("}}") && value.components(separatedBy: "{{").count == 2,
                        "\(name): a link is one whole value, not text around it: \(value)")
            } else {
                #expect(value.hasPrefix("/") || value.hasPrefix("#"), "\(name): \(value)")
            }
        }
    }

    @Test func templatesParseAndRenderWithTheLayout() {
        let renderer = PageRenderer()
        let html = renderer.render(.message, MessageView(heading: "Heading <b>", message: "Text & more"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>Heading &lt;b&gt; · PullDoctor</title>"))
        #expect(html.contains("<h1>Heading &lt;b&gt;</h1>"))
        #expect(html.contains("<p class=\"lead\">Text &amp; more</p>"))
        #expect(html.contains("<main id=\"main\" tabindex=\"-1\">"))
        #expect(!html.contains("{{"), "every tag was rendered")
    }
}
