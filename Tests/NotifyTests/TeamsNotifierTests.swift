import CurlClient
import Diagnosis
import Foundation
import Testing
@testable import Notify

@Suite("Microsoft Teams sink")
struct TeamsNotifierTests {
    static func send(_ notification: IncidentNotification, reply: CaptureServer.Reply = CaptureServer.Reply(status: 202)) async throws
        -> (DeliveryResult, CaptureServer.Request) {
        let server = try CaptureServer(replies: [reply])
        defer { server.stop() }
        let client = CurlClient()
        defer { client.shutdown() }
        let url = server.url + "/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=SECRETSIG"
        let result = await TeamsNotifier(endpoint: SinkEndpoint(url: Secret(url)), transport: client).send(notification)
        let request = try #require(server.requests.first)
        #expect(request.header("Idempotency-Key") == notification.idempotencyKey)
        #expect((request.json as? [String: Any])?["idempotencyKey"] as? String == notification.idempotencyKey)
        return (result, request)
    }

    static func card(_ request: CaptureServer.Request) throws -> [String: Any] {
        let message = try #require(request.json as? [String: Any])
        let attachment = try #require((message["attachments"] as? [[String: Any]])?.first)
        return try #require(attachment["content"] as? [String: Any])
    }

    /// Every text of the card, with the element type that holds it.
    static func texts(_ elements: [[String: Any]]) -> [(type: String, text: String)] {
        var out: [(String, String)] = []
        for element in elements {
            let type = element["type"] as? String ?? ""
            if let text = element["text"] as? String { out.append((type, text)) }
            for inline in element["inlines"] as? [[String: Any]] ?? [] { out.append(("TextRun", inline["text"] as? String ?? "")) }
            out += texts(element["items"] as? [[String: Any]] ?? [])
        }
        return out
    }

    @Test("an Adaptive Card in the Workflows envelope, valid against the schema's rules")
    func card() async throws {
        let (result, request) = try await Self.send(try Samples.firing())
        #expect(result == .delivered(status: 202))
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.path.hasSuffix("sig=SECRETSIG"))
        #expect(AdaptiveCardRules.violations(request.json) == [])
        let card = try Self.card(request)
        #expect(card["version"] as? String == "1.4")
        let body = try #require(card["body"] as? [[String: Any]])
        let texts = Self.texts(body).map(\.text)
        #expect(texts.first == "Registry credentials rejected · shop/web")
        #expect(texts.contains(Samples.realForbiddenQuote))
        #expect(texts.contains("kubectl -n shop rollout restart deployment/web"))
        #expect(texts.contains("shop/web-7c9f8d6b5-x2k4q container app — ImagePullBackOff"))
        #expect(texts.contains("registry_auth"))
        #expect(!texts.contains { $0.hasPrefix("Shortened") })
        let action = try #require((card["actions"] as? [[String: Any]])?.first)
        #expect(action["type"] as? String == "Action.OpenUrl")
        #expect(action["url"] as? String == "https://pulldoctor.example/diagnoses/d-7f3a")
    }

    @Test("a huge diagnosis is cut below 28 KB, still valid, with a pointer to the page")
    func huge() async throws {
        let (result, request) = try await Self.send(try Samples.huge())
        #expect(result.outcome == .delivered)
        #expect(request.body.count <= 28_000)
        #expect(request.body.count > 1_000)
        #expect(AdaptiveCardRules.violations(request.json) == [])
        let texts = Self.texts(try #require(try Self.card(request)["body"] as? [[String: Any]])).map(\.text)
        #expect(texts.contains { $0.hasPrefix("Shortened to fit Microsoft Teams' size limit") })
        #expect((try Self.card(request)["actions"] as? [[String: Any]])?.first?["url"] as? String == "https://pulldoctor.example/diagnoses/d-7f3a")
    }

    @Test("the richest level that fits is chosen", arguments: [1, 2, 3, 10])
    func levels(steps: Int) throws {
        var notification = try Samples.firing()
        // Each step: ten commands of 1,000 characters, about 10 KB of JSON.
        notification.diagnosis?.remediation = (0..<steps).map { step in
            RemediationStep(title: "step \(step)", commands: (0..<10).map { "c\($0) " + String(repeating: "z", count: 1000) })
        }
        let body = try #require(TeamsNotifier.body(for: notification, rendered: MessageTemplates.teamsDefaults().render(notification)))
        #expect(body.count <= TeamsNotifier.maxBodyBytes)
        #expect(AdaptiveCardRules.violations(try JSONSerialization.jsonObject(with: Data(body))) == [])
        let text = String(decoding: body, as: UTF8.self)
        // Two such steps fit in 28 KB at full detail; three do not, so the card is rebuilt smaller.
        #expect(text.contains("Shortened to fit") == (steps > 2))
        #expect(text.contains("step 0"))
    }

    @Test("untrusted text only ever lands in TextRuns, where markdown is not interpreted")
    func hostile() async throws {
        let (_, request) = try await Self.send(Samples.hostile())
        #expect(AdaptiveCardRules.violations(request.json) == [])
        let texts = Self.texts(try #require(try Self.card(request)["body"] as? [[String: Any]]))
        let headings = texts.filter { $0.type == "TextBlock" }.map(\.text)
        #expect(headings.allSatisfy { ["Evidence", "Fix"].contains($0) || $0.hasPrefix("Affected pods (") })
        #expect(texts.contains { $0.type == "TextRun" && $0.text.contains("<script>alert('s')</script>") })
    }

    @Test("the schema rules catch what they claim to")
    func rulesCatchMistakes() {
        let good: [String: Any] = ["type": "message", "attachments": [["contentType": "application/vnd.microsoft.card.adaptive", "content": [
            "type": "AdaptiveCard", "version": "1.4", "body": [["type": "TextBlock", "text": "x"]]]]]]
        #expect(AdaptiveCardRules.violations(good) == [])
        func with(_ element: [String: Any], version: String = "1.4") -> [String: Any] {
            ["type": "message", "attachments": [["contentType": "application/vnd.microsoft.card.adaptive", "content": [
                "type": "AdaptiveCard", "version": version, "body": [element]]]]]
        }
        #expect(!AdaptiveCardRules.violations(with(["type": "TextBlock"])).isEmpty)
        #expect(!AdaptiveCardRules.violations(with(["type": "TextBlock", "text": "x", "weight": "heavy"])).isEmpty)
        #expect(!AdaptiveCardRules.violations(with(["type": "TextBlock", "text": "x", "markdown": true])).isEmpty)
        #expect(!AdaptiveCardRules.violations(with(["type": "Table", "rows": []])).isEmpty)
        #expect(!AdaptiveCardRules.violations(with(["type": "RichTextBlock", "inlines": [["type": "TextRun", "text": "x"]]], version: "1.1")).isEmpty)
        #expect(!AdaptiveCardRules.violations(with(["type": "Container", "items": [], "style": "loud"])).isEmpty)
    }
}
