import CurlClient
import Foundation
import Store
import Testing

/// Text from the cluster or an alert never becomes markup: not in the list, the diagnosis, the 404 page.
@Suite struct EscapingTests {
    static func fill(_ store: Store) async throws {
        try await KnownIncident.store(into: store)
        try await HostileIncident.store(into: store, at: KnownIncident.firing.addingTimeInterval(600))
    }

    /// Every `<script` tag in `html` is the page's own copy script, and no tag carries an event handler
    /// or an `<img>` that is not ours.
    func expectNoInjectedMarkup(_ html: String, _ page: String, scripts: Int) throws {
        let scriptTags = html.components(separatedBy: "<script").count - 1
        #expect(scriptTags == scripts, "\(page): \(scriptTags) script tags")
        #expect(html.components(separatedBy: "<script src=\"/static/copy.js\" defer></script>").count - 1 == scripts)
        #expect(!html.contains("<img"), "\(page)")
        // An event handler attribute in any tag, once the (double-quoted, escaped) attribute values are
        // blanked out: text such as `value="&quot; onfocus=..."` is data, not an attribute.
        let tag = try Regex(#"<[a-zA-Z][^>]*>"#)
        let quoted = try Regex(#""[^"]*""#)
        let handler = try Regex(#"\son[a-z]+\s*="#)
        for match in html.matches(of: tag) {
            let bare = String(html[match.range]).replacing(quoted, with: "\"\"")
            #expect(bare.firstMatch(of: handler) == nil, "\(page): an event handler attribute in \(bare)")
        }
        #expect(!html.contains("javascript:"), "\(page)")
    }

    @Test func hostileTextIsEscapedOnTheList() async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            let html = try await server.get("/").text
            try expectNoInjectedMarkup(html, "index", scripts: 0)
            #expect(html.contains("evil&quot;&gt;&lt;img src=x onerror=alert(1)&gt;/web&lt;script&gt;alert(1)&lt;/script&gt;"))
            // Mustache tags in data are printed, not interpreted.
            #expect(html.contains("registry.example.com/evil:{{#x}}{{{raw}}}{{/x}}{{&gt; layout}}"))
            // The hostile incident's id is valid, so it is linked; the other id is not, so its row is text only.
            #expect(html.contains("<a href=\"/diagnoses/\(HostileIncident.diagnosisID)\">"))
            #expect(html.contains("other/api"))
            #expect(!html.contains("/diagnoses/../"))
            #expect(!html.contains("alert(2)</script>"))
        }
    }

    @Test func hostileTextIsEscapedOnTheDiagnosis() async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            let response = try await server.get("/diagnoses/\(HostileIncident.diagnosisID)")
            #expect(response.status == 200)
            let html = response.text
            try expectNoInjectedMarkup(html, "diagnosis", scripts: 1)
            #expect(html.contains("Summary &lt;script&gt;alert(1)&lt;/script&gt; {{#x}}{{{raw}}}{{/x}}{{&gt; layout}}"))
            #expect(html.contains(HostileIncident.unicode), "Unicode survives as is")
            #expect(html.contains("<blockquote><pre>&lt;/pre&gt;&lt;/blockquote&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("echo &#39;&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;</code></pre>"))
            #expect(html.contains("<th scope=\"row\">sink&lt;script&gt;alert(1)&lt;/script&gt;</th>"))
            #expect(html.contains("sink said &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
            #expect(html.contains("<span class=\"badge dead\">Given up</span>"))
            #expect(html.contains("secret &lt;script&gt;"))
            // The title is escaped too.
            #expect(html.contains("<title>Registry authentication: Deployment evil&quot;&gt;&lt;img"))
        }
    }

    @Test func unlinkableIDIsNotFoundAndNotReflected() async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            let encoded = HostileIncident.badDiagnosisID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            for path in ["/diagnoses/\(encoded)", "/diagnoses/%22%3E%3Cscript%3Ealert(3)%3C%2Fscript%3E"] {
                let response = try await server.get(path)
                #expect(response.status == 404, "\(path)")
                try expectNoInjectedMarkup(response.text, path, scripts: 0)
            }
        }
    }

    @Test func hostileFilterValuesAreEscapedInTheFormAndLinks() async throws {
        try await PagesServer.with(fill: Self.fill) { server in
            let query = "q=%22%3E%3Cscript%3Ealert(4)%3C%2Fscript%3E&namespace=%22+onfocus%3Dalert(5)+x%3D%22&status=%3Cb%3E"
            let response = try await server.get("/?" + query)
            #expect(response.status == 200)
            let html = response.text
            try expectNoInjectedMarkup(html, "filtered index", scripts: 0)
            #expect(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;\""))
            #expect(html.contains("value=\"&quot; onfocus=alert(5) x=&quot;\""))
            #expect(html.contains("status must be firing or resolved, not &quot;&lt;b&gt;&quot;"))
            // Links keep the filters percent-encoded: no quote or angle bracket inside an href.
            let hrefs = try Regex(#"href="([^"]*)""#)
            for match in html.matches(of: hrefs) {
                let value = String(html[match.range])
                #expect(!value.dropFirst(6).dropLast().contains(where: { "<>'\" ".contains($0) }), "\(value)")
                #expect(value.hasPrefix("href=\"/") || value.hasPrefix("href=\"#"), "\(value)")
            }
        }
    }
}
