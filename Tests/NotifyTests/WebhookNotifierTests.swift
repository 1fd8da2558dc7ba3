import Alerting
import CurlClient
import Diagnosis
import Foundation
import Testing
@testable import Notify

@Suite("Webhook sink")
struct WebhookNotifierTests {
    static func send(
        _ notification: IncidentNotification, replies: [CaptureServer.Reply] = [],
        configure: (inout SinkEndpoint) -> Void = { _ in }
    ) async throws -> (DeliveryResult, CaptureServer.Request?) {
        let server = try CaptureServer(replies: replies)
        defer { server.stop() }
        let client = CurlClient()
        defer { client.shutdown() }
        var endpoint = SinkEndpoint(url: Secret(server.url + "/alerts/hook?team=platform"), timeout: .seconds(5))
        configure(&endpoint)
        let result = await WebhookNotifier(endpoint: endpoint, transport: client).send(notification)
        return (result, server.requests.first)
    }

    @Test("posts an Alertmanager v4 body that the project's webhook decoder accepts, with the diagnosis added")
    func payload() async throws {
        let notification = try Samples.firing()
        let (result, captured) = try await Self.send(notification) { endpoint in
            endpoint.bearerToken = Secret("tok-abc")
            endpoint.headers = [("X-Team", Secret("platform"))]
        }
        #expect(result == .delivered(status: 200))
        let request = try #require(captured)
        #expect(request.method == "POST")
        #expect(request.path == "/alerts/hook?team=platform")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.header("Idempotency-Key") == "inc-42/sink/3")
        #expect(request.header("Authorization") == "Bearer tok-abc")
        #expect(request.header("X-Team") == "platform")

        // Any Alertmanager webhook consumer takes it: the project's strict decoder does.
        let decoded = try WebhookDecoder().decode(request.body)
        let original = try Samples.fixture("alertmanager-firing.json")
        #expect(decoded.version == "4")
        #expect(decoded.status == .firing)
        #expect(decoded.receiver == original.receiver)
        #expect(decoded.groupKey == original.groupKey)
        #expect(decoded.groupLabels == original.groupLabels)
        #expect(decoded.commonLabels == original.commonLabels)
        #expect(decoded.externalURL == original.externalURL)
        #expect(decoded.alerts.count == original.alerts.count)
        for (sent, source) in zip(decoded.alerts, original.alerts) {
            #expect(sent.labels == source.labels)
            #expect(sent.fingerprint == source.fingerprint)
            #expect(sent.generatorURL == source.generatorURL)
            #expect(abs(sent.startsAt.timeIntervalSince(source.startsAt)) < 0.001)
            #expect(sent.endsAt == nil)
            for (name, value) in source.annotations { #expect(sent.annotations[name] == value) }
            #expect(sent.annotations["pulldoctor_category"] == "registry_auth")
            #expect(sent.annotations["pulldoctor_reason"] == "forbidden")
            #expect(sent.annotations["pulldoctor_confidence"] == "high")
            #expect(sent.annotations["pulldoctor_summary"] == notification.diagnosis?.summary)
            #expect(sent.annotations["pulldoctor_fix"] == notification.diagnosis?.remediation[0].commands.joined(separator: "\n"))
            #expect(sent.annotations["pulldoctor_url"] == "https://pulldoctor.example/diagnoses/d-7f3a")
        }
        #expect(decoded.commonAnnotations["pulldoctor_category"] == "registry_auth")

        // Same top-level fields with the same JSON types as Alertmanager's own body, plus two new ones.
        let sentJSON = try #require(request.json as? [String: Any])
        let fixtureURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/webhook/alertmanager-firing.json")
        let originalJSON = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fixtureURL)) as? [String: Any])
        #expect(Set(sentJSON.keys) == Set(originalJSON.keys).union(["diagnoses", "idempotencyKey"]))
        for (key, value) in originalJSON {
            #expect(type(of: value) == type(of: sentJSON[key]!), "type of \(key)")
        }
        let firstAlert = try #require((sentJSON["alerts"] as? [[String: Any]])?.first)
        let originalAlert = try #require((originalJSON["alerts"] as? [[String: Any]])?.first)
        #expect(Set(firstAlert.keys) == Set(originalAlert.keys))
        #expect(firstAlert["endsAt"] as? String == "0001-01-01T00:00:00Z")
        #expect(sentJSON["idempotencyKey"] as? String == "inc-42/sink/3")

        // The diagnoses array is the documented DiagnosisReport JSON.
        let diagnoses = try JSONSerialization.data(withJSONObject: try #require(sentJSON["diagnoses"]))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode([DiagnosisReport].self, from: diagnoses) == [notification.diagnosis!])
    }

    @Test("a missing diagnosis still goes out, marked unknown, with an empty diagnoses list")
    func undiagnosed() async throws {
        let (result, captured) = try await Self.send(try Samples.firing(diagnosis: nil)) { endpoint in
            endpoint.basicAuth = ("pd", Secret("pw"))
        }
        #expect(result.outcome == .delivered)
        let request = try #require(captured)
        #expect(request.header("Authorization") == "Basic " + Data("pd:pw".utf8).base64EncodedString())
        let decoded = try WebhookDecoder().decode(request.body)
        #expect(decoded.alerts[0].annotations["pulldoctor_category"] == "unknown")
        #expect(decoded.alerts[0].annotations["pulldoctor_reason"] == nil)
        #expect(decoded.alerts[0].annotations["pulldoctor_url"] == "https://pulldoctor.example/diagnoses/pending")
        #expect((request.json as? [String: Any])?["diagnoses"] as? [Any] != nil)
        #expect(((request.json as? [String: Any])?["diagnoses"] as? [Any])?.isEmpty == true)
    }

    @Test("resolved alerts keep their endsAt")
    func resolved() async throws {
        let payload = try Samples.fixture("alertmanager-resolved.json")
        let notification = IncidentNotification(
            status: .resolved, alerts: payload.alerts, diagnosis: Samples.report(), idempotencyKey: "k", diagnosisURL: nil,
            group: AlertGroup(payload))
        let (_, captured) = try await Self.send(notification)
        let decoded = try WebhookDecoder().decode(try #require(captured).body)
        #expect(decoded.status == .resolved)
        let sentEnd = try #require(decoded.alerts[0].endsAt)
        let originalEnd = try #require(payload.alerts[0].endsAt)
        #expect(abs(sentEnd.timeIntervalSince(originalEnd)) < 0.001)
        #expect(decoded.alerts[0].annotations["pulldoctor_url"] == nil)
    }

    @Test("answers are classified through the shared table", arguments: [
        (CaptureServer.Reply(status: 503, headers: [("Retry-After", "7")], body: "busy"), DeliveryResult.retry(after: .seconds(7), DeliveryFailure(reason: .http5xx, httpStatus: 503, detail: "HTTP 503: busy"))),
        (CaptureServer.Reply(status: 429, body: ""), .retry(after: nil, DeliveryFailure(reason: .http429, httpStatus: 429, detail: "HTTP 429"))),
        (CaptureServer.Reply(status: 400, body: "{\"error\":\"bad\"}\n"), .failed(DeliveryFailure(reason: .http4xx, httpStatus: 400, detail: "HTTP 400: {\"error\":\"bad\"}"))),
        (CaptureServer.Reply(status: 413, body: "too big"), .failed(DeliveryFailure(reason: .payloadTooLarge, httpStatus: 413, detail: "HTTP 413: too big"))),
    ])
    func classification(reply: CaptureServer.Reply, expected: DeliveryResult) async throws {
        let (result, captured) = try await Self.send(try Samples.firing(), replies: [reply])
        #expect(captured != nil)
        #expect(result == expected)
    }

    @Test("hostile label values survive as data")
    func hostile() async throws {
        let notification = Samples.hostile()
        let (_, captured) = try await Self.send(notification)
        let decoded = try WebhookDecoder().decode(try #require(captured).body)
        #expect(decoded.alerts[0].labels == notification.alerts[0].labels)
        #expect(decoded.alerts[0].annotations["description"] == notification.alerts[0].annotations["description"])
        #expect(decoded.groupKey == notification.group.groupKey)
    }
}
