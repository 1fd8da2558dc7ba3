import Foundation
import Testing
@testable import Notify

@Suite("Message templates")
struct TemplateTests {
    @Test("the built-in templates render the diagnosis")
    func defaults() throws {
        let rendered = MessageTemplates.slackDefaults().render(try Samples.firing())
        #expect(rendered.title == "Registry credentials rejected · shop/web")
        #expect(rendered.text == """
            *The registry refuses the pull: the pull secret's identity has no read access to gcr.io/maloney-scratch/monolith.*
            Image `gcr.io/maloney-scratch/monolith:1.0.0`
            """)
        let teams = MessageTemplates.teamsDefaults().render(try Samples.firing(diagnosis: Samples.report(partial: true)))
        #expect(teams.text == """
            The registry refuses the pull: the pull secret's identity has no read access to gcr.io/maloney-scratch/monolith.
            Partial: the investigation hit its deadline; some checks did not run.
            """)
    }

    @Test("resolved, partial and undiagnosed notifications say so")
    func states() throws {
        var resolved = try Samples.firing(diagnosis: Samples.report(partial: true))
        resolved.status = .resolved
        let r = MessageTemplates.slackDefaults().render(resolved)
        #expect(r.title.hasPrefix("Resolved: Registry credentials rejected"))
        #expect(r.text.hasPrefix("The alert has resolved.\n"))
        #expect(r.text.contains("_partial: the investigation hit its deadline_"))
        let missing = MessageTemplates.teamsDefaults().render(try Samples.firing(diagnosis: nil))
        #expect(missing.title == "Image pull failure · shop/web-7c9f8d6b5-x2k4q")
        #expect(missing.text == "PullDoctor could not finish a diagnosis in time. The alert is forwarded as received.")
    }

    @Test("values are escaped for Slack mrkdwn, and plain text is left alone")
    func escaping() throws {
        let hostile = Samples.hostile()
        let slack = try MessageTemplate("{{summary}} | {{#alerts}}{{labels.pod}}{{/alerts}}", format: .slackMrkdwn).render(TemplateContext.of(hostile))
        #expect(!slack.contains("<"))
        #expect(!slack.contains(">"))
        #expect(slack.contains("&lt;!here&gt;"))
        #expect(slack.contains("&lt;!channel&gt;"))
        #expect(slack.contains("&amp; \"quotes\""))
        let plain = try MessageTemplate("{{summary}}", format: .plain).render(TemplateContext.of(hostile))
        #expect(plain == "Summary with <!here> and <script>alert('s')</script> & \"quotes\"")
        // Triple mustaches opt out of escaping, as Mustache defines: a user's explicit choice.
        let raw = try MessageTemplate("{{{summary}}}", format: .slackMrkdwn).render(TemplateContext.of(hostile))
        #expect(raw.contains("<!here>"))
    }

    @Test("a template overridden from a file is used by the sink")
    func overrideFromFile() async throws {
        let folder = try SinkConfigTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("slack.mustache")
        try "Custom for {{namespace}}: {{cause}} ({{reason}}){{#first_commands}}\n- {{.}}{{/first_commands}}".write(to: file, atomically: true, encoding: .utf8)
        let config = try SinkConfigTests.decode(#"{"name": "s", "type": "slack", "url": "http://127.0.0.1:1/", "template_file": "\#(file.path)", "templates": {"title_file": "\#(file.path)"}}"#)
        let transport = RecordingTransport()
        _ = await config.makeNotifier(transport: transport).send(try Samples.firing())
        let body = try #require(transport.requests.first?.body)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        let header = (blocks[0]["text"] as? [String: Any])?["text"] as? String
        #expect(header?.hasPrefix("Custom for shop: Registry credentials rejected (forbidden)") == true)
        let section = (blocks[1]["text"] as? [String: Any])?["text"] as? String
        #expect(section == "Custom for shop: Registry credentials rejected (forbidden)\n- gcloud projects add-iam-policy-binding maloney-scratch --member=serviceAccount:&lt;sa&gt; --role=roles/storage.objectViewer\n- kubectl -n shop rollout restart deployment/web")
    }

    @Test("the context lists the documented keys")
    func contextKeys() throws {
        let context = TemplateContext.of(try Samples.firing())
        for key in ["status", "firing", "resolved", "diagnosed", "partial", "cause", "category", "reason", "confidence", "summary",
                    "namespace", "owner_kind", "owner_name", "image", "registry", "node", "evidence", "quotes", "fix",
                    "first_commands", "affected", "affected_count", "unchecked", "alerts", "alert_count", "url", "receiver",
                    "group_labels", "common_labels", "external_url"] {
            #expect(context[key] != nil, "missing \(key)")
        }
        #expect(context["url"] as? String == "https://pulldoctor.example/diagnoses/d-7f3a")
        #expect((context["quotes"] as? [String])?.first == Samples.realForbiddenQuote)
    }

    @Test("links percent-encode the id")
    func links() {
        #expect(DiagnosisLink.url(externalURL: "https://pd.example//", diagnosisID: "a/b|c>d") == "https://pd.example/diagnoses/a%2Fb%7Cc%3Ed")
        #expect(DiagnosisLink.url(externalURL: "", diagnosisID: "x") == nil)
        #expect(DiagnosisLink.url(externalURL: "http://x", diagnosisID: "") == nil)
    }
}
