import CurlClient
import Diagnosis
import Foundation
import Testing
@testable import Notify

@Suite("Slack sink")
struct SlackNotifierTests {
    /// Sends through the real client to a capture server; returns the result and the decoded body.
    static func send(_ notification: IncidentNotification, reply: CaptureServer.Reply = .ok) async throws -> (DeliveryResult, [String: Any]) {
        let server = try CaptureServer(replies: [reply])
        defer { server.stop() }
        let client = CurlClient()
        defer { client.shutdown() }
        let notifier = SlackNotifier(endpoint: SinkEndpoint(url: Secret(server.url + "/services/T0/B0/XYZ")), transport: client)
        let result = await notifier.send(notification)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/services/T0/B0/XYZ")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.header("Idempotency-Key") == notification.idempotencyKey)
        let message = try #require(request.json as? [String: Any])
        let metadata = message["metadata"] as? [String: Any]
        #expect(metadata?["event_type"] as? String == "pulldoctor_notification")
        #expect((metadata?["event_payload"] as? [String: String])?["idempotency_key"] == notification.idempotencyKey)
        return (result, message)
    }

    static func texts(_ message: [String: Any]) -> [String] {
        var out = [message["text"] as? String ?? ""]
        for block in message["blocks"] as? [[String: Any]] ?? [] {
            if let text = (block["text"] as? [String: Any])?["text"] as? String { out.append(text) }
            for element in block["elements"] as? [[String: Any]] ?? [] { out.append(element["text"] as? String ?? "") }
        }
        return out
    }

    @Test("a Block Kit message: header, summary, evidence, fix commands, pods and the link")
    func message() async throws {
        let (result, message) = try await Self.send(try Samples.firing())
        #expect(result == .delivered(status: 200))
        #expect(BlockKitRules.violations(message) == [])
        let blocks = try #require(message["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String ?? "" } == ["header", "section", "context", "section", "section", "section", "section", "context", "section"])
        let texts = Self.texts(message)
        #expect(texts[0] == "Registry credentials rejected · shop/web: The registry refuses the pull: the pull secret's identity has no read access to gcr.io/maloney-scratch/monolith.")
        #expect(texts[1] == "Registry credentials rejected · shop/web")
        #expect(texts.contains("*Category:* `registry_auth`"))
        #expect(texts.contains { $0.hasPrefix("*Evidence*\n> Failed to pull image \"gcr.io/maloney-scratch/monolith:1.0.0\"") })
        #expect(texts.contains("*1. Grant the pull secret's service account read access*\n```\ngcloud projects add-iam-policy-binding maloney-scratch --member=serviceAccount:&lt;sa&gt; --role=roles/storage.objectViewer\nkubectl -n shop rollout restart deployment/web\n```"))
        #expect(texts.contains("*Affected pods* (1)\n• `shop/web-7c9f8d6b5-x2k4q` container `app` — ImagePullBackOff"))
        #expect(texts.last == "<https://pulldoctor.example/diagnoses/d-7f3a|Open the full diagnosis in PullDoctor>")
    }

    @Test("hostile values cannot mention, link or break code blocks")
    func hostile() async throws {
        let (_, message) = try await Self.send(Samples.hostile())
        #expect(BlockKitRules.violations(message) == [])
        let joined = Self.texts(message).joined(separator: "\n")
        for forbidden in ["<!channel>", "<!here>", "<!everyone>", "<script>", "<@U123>", "<https://evil", "<img", "<b>"] {
            #expect(!joined.contains(forbidden), "\(forbidden) reached Slack unescaped")
        }
        // The link's id is percent-encoded so it cannot end the link early.
        #expect(joined.contains("<https://pulldoctor.example/diagnoses/d%7C%3Cx%3E|Open the full diagnosis in PullDoctor>"))
        // A ``` in a command is broken so it cannot close the code block.
        #expect(joined.contains("echo '`\u{200B}``' &amp;&amp; echo &lt;x&gt; &amp; done"))
    }

    @Test("a huge diagnosis stays within Block Kit's limits and points to the page")
    func huge() async throws {
        let (result, message) = try await Self.send(try Samples.huge())
        #expect(result.outcome == .delivered)
        #expect(BlockKitRules.violations(message) == [])
        let blocks = try #require(message["blocks"] as? [[String: Any]])
        #expect(blocks.count <= 50)
        let texts = Self.texts(message)
        #expect(texts[1].utf16.count == 150)
        #expect(texts[1].hasSuffix("…"))
        #expect(texts.contains { $0.hasSuffix("… <https://pulldoctor.example/diagnoses/d-7f3a|full diagnosis>") })
        #expect(texts.contains { $0.hasPrefix("52 more steps in the") })
        let pods = try #require(texts.first { $0.hasPrefix("*Affected pods* (500)\n") })
        #expect(pods.utf16.count <= 3000)
    }

    @Test("the 50-block cap keeps the head, notes the cut and keeps the link")
    func blockCap() throws {
        let link = SlackBlock.section("<https://pd.example/diagnoses/x|Open>")
        let many = (0..<60).map { SlackBlock.section("block \($0)") }
        let capped = SlackMessage.capped(many, link: link)
        #expect(capped.count == 50)
        #expect(capped[0] == .section("block 0"))
        #expect(capped[47] == .section("block 47"))
        #expect(capped[48] == .context(["Message shortened to Slack's 50-block limit."]))
        #expect(capped[49] == link)
        #expect(SlackMessage.capped(Array(many.prefix(49)), link: link).count == 50)
        #expect(SlackMessage.capped(Array(many.prefix(49)), link: link)[48] == .section("block 48"))
        #expect(SlackMessage.capped(many, link: nil).count == 50)
        let message = SlackMessage(text: "t", blocks: capped)
        #expect(BlockKitRules.violations(try JSONSerialization.jsonObject(with: Data(JSONCoding.encode(message)))) == [])
    }

    @Test("Slack's error answers are reported without the webhook URL")
    func errorAnswer() async throws {
        let (result, _) = try await Self.send(try Samples.firing(), reply: CaptureServer.Reply(status: 404, body: "no_service"))
        #expect(result == .failed(DeliveryFailure(reason: .http4xx, httpStatus: 404, detail: "HTTP 404: no_service")))
        #expect(!"\(result)".contains("/services/"))
    }

    @Test("mrkdwn truncation never leaves half an entity or an open link or code block")
    func truncation() {
        #expect(SlackText.truncate("abc &amp; def", to: 8, tail: "…") == "abc …")
        #expect(SlackText.truncate("see <https://x.example/long|link> now", to: 12, tail: "…") == "see …")
        let cut = SlackText.truncate("```\n" + String(repeating: "x", count: 100) + "\n```", to: 40, tail: "…")
        #expect(cut.utf16.count <= 40)
        #expect(cut.components(separatedBy: "```").count % 2 == 1)
        #expect(SlackText.truncate("short", to: 10) == "short")
        #expect(SlackText.clip("héllo wörld", to: 6) == "héllo…")
    }
}
