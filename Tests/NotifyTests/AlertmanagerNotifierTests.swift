import CurlClient
import Foundation
import Testing
@testable import Notify

@Suite("Alertmanager sink")
struct AlertmanagerNotifierTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func decodedAlerts(_ request: HTTPRequest?) throws -> [[String: Any]] {
        let body = try #require(request?.body)
        return try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [[String: Any]])
    }

    @Test("postable alerts: labels, annotations, keep-alive endsAt, path")
    func postableAlerts() async throws {
        let transport = RecordingTransport()
        let notifier = AlertmanagerNotifier(
            endpoint: SinkEndpoint(url: Secret("http://am.example:9093/")), keepAlive: .seconds(3 * 3600), transport: transport,
            now: { Self.now })
        let notification = try Samples.firing()
        #expect(await notifier.send(notification) == .delivered(status: 200))
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url == "http://am.example:9093/api/v2/alerts")
        let alerts = try Self.decodedAlerts(request)
        #expect(alerts.count == 1)
        let alert = alerts[0]
        #expect(Set(alert.keys) == ["labels", "annotations", "startsAt", "endsAt", "generatorURL"])
        let labels = try #require(alert["labels"] as? [String: String])
        var expected = notification.alerts[0].labels
        expected["pulldoctor_category"] = "registry_auth"
        expected["pulldoctor_enriched"] = "true"
        #expect(labels == expected)
        #expect(LoopGuard.isEnriched(labels))
        let annotations = try #require(alert["annotations"] as? [String: String])
        #expect(annotations["summary"] == notification.alerts[0].annotations["summary"])
        #expect(annotations["pulldoctor_reason"] == "forbidden")
        #expect(annotations["pulldoctor_idempotency_key"] == notification.idempotencyKey)
        #expect(request.headers.first { $0.name == "Idempotency-Key" }?.value == notification.idempotencyKey)
        #expect(alert["endsAt"] as? String == "2027-01-15T11:00:00.000Z")
        #expect(alert["startsAt"] as? String == "2026-11-21T20:01:55.490Z")

        var resolved = notification
        resolved.status = .resolved
        _ = await notifier.send(resolved)
        #expect(try Self.decodedAlerts(transport.requests.last)[0]["endsAt"] as? String == "2027-01-15T08:00:00.000Z")
    }

    @Test("base URL forms", arguments: [
        ("http://am:9093", "http://am:9093/api/v2/alerts"),
        ("http://am:9093/", "http://am:9093/api/v2/alerts"),
        ("https://am.example/prefix/", "https://am.example/prefix/api/v2/alerts"),
        ("http://am:9093/api/v2/alerts", "http://am:9093/api/v2/alerts"),
    ])
    func baseURL(base: String, expected: String) {
        #expect(AlertmanagerNotifier.alertsURL(base: base) == expected)
    }

    @Test("the loop guard recognises only its own label and value")
    func loopGuard() {
        #expect(LoopGuard.isEnriched(["pulldoctor_enriched": "true", "alertname": "A"]))
        #expect(!LoopGuard.isEnriched(["pulldoctor_enriched": "false"]))
        #expect(!LoopGuard.isEnriched(["alertname": "A"]))
    }

    @Test("against a real Alertmanager: posted, stored with the diagnosis, resolved", .enabled(if: AlertmanagerProcess.isInstalled))
    func realAlertmanager() async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        let alertmanager = try await AlertmanagerProcess(client: client)
        defer { alertmanager.stop() }
        let notifier = AlertmanagerNotifier(
            endpoint: SinkEndpoint(url: Secret(alertmanager.url), timeout: .seconds(5)), keepAlive: .seconds(3600), transport: client)
        let notification = try Samples.firing()
        #expect(await notifier.send(notification) == .delivered(status: 200))

        let stored = try await alertmanager.alerts(client: client)
        let enriched = stored.filter { ($0["labels"] as? [String: String]).map(LoopGuard.isEnriched) ?? false }
        #expect(enriched.count == 1)
        let alert = try #require(enriched.first)
        let labels = try #require(alert["labels"] as? [String: String])
        #expect(labels["pulldoctor_category"] == "registry_auth")
        #expect(labels["pod"] == "web-7c9f8d6b5-x2k4q")
        let annotations = try #require(alert["annotations"] as? [String: String])
        #expect(annotations["pulldoctor_summary"] == notification.diagnosis?.summary)
        #expect(annotations["pulldoctor_url"] == "https://pulldoctor.example/diagnoses/d-7f3a")
        #expect(annotations["pulldoctor_fix"]?.contains("kubectl -n shop rollout restart deployment/web") == true)
        #expect((alert["status"] as? [String: Any])?["state"] as? String == "active")
        #expect(alert["generatorURL"] as? String == notification.alerts[0].generatorURL)
        // endsAt about an hour ahead: Alertmanager keeps it firing without a refresh for that long.
        let endsAt = try #require((alert["endsAt"] as? String).flatMap { try? Date($0, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) })
        #expect(abs(endsAt.timeIntervalSinceNow - 3600) < 120)

        // Resolving sets endsAt to now: the alert leaves the active list.
        var resolved = notification
        resolved.status = .resolved
        #expect(await notifier.send(resolved) == .delivered(status: 200))
        var remaining = enriched.count
        for _ in 0..<30 {
            remaining = try await alertmanager.alerts(client: client)
                .filter { ($0["labels"] as? [String: String]).map(LoopGuard.isEnriched) ?? false }.count
            if remaining == 0 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(remaining == 0)
    }

    @Test("against a real Alertmanager: a repeat keeps the same alert alive, pushing endsAt ahead", .enabled(if: AlertmanagerProcess.isInstalled))
    func realKeepAlive() async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        let alertmanager = try await AlertmanagerProcess(client: client)
        defer { alertmanager.stop() }
        let start = Date()
        let first = AlertmanagerNotifier(
            endpoint: SinkEndpoint(url: Secret(alertmanager.url), timeout: .seconds(5)), keepAlive: .seconds(3600), transport: client,
            now: { start })
        // The repeat sweep posts the same alerts again a re-notify interval later (here: 20 minutes on).
        let later = AlertmanagerNotifier(
            endpoint: SinkEndpoint(url: Secret(alertmanager.url), timeout: .seconds(5)), keepAlive: .seconds(3600), transport: client,
            now: { start.addingTimeInterval(1200) })
        let notification = try Samples.firing()
        #expect(await first.send(notification) == .delivered(status: 200))
        func enrichedEndsAt() async throws -> [Date] {
            try await alertmanager.alerts(client: client)
                .filter { ($0["labels"] as? [String: String]).map(LoopGuard.isEnriched) ?? false }
                .compactMap { ($0["endsAt"] as? String).flatMap { try? Date($0, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) } }
        }
        let before = try await enrichedEndsAt()
        #expect(before.count == 1)
        #expect(abs((before.first ?? .distantPast).timeIntervalSince(start) - 3600) < 1)

        #expect(await later.send(notification) == .delivered(status: 200))
        let after = try await enrichedEndsAt()
        #expect(after.count == 1, "the repeat is the same alert in Alertmanager, not a second one")
        #expect(abs((after.first ?? .distantPast).timeIntervalSince(start) - 4800) < 1, "endsAt moved a re-notify interval ahead")
    }

    @Test("a real Alertmanager rejects a malformed alert, and the rejection is permanent", .enabled(if: AlertmanagerProcess.isInstalled))
    func realRejection() async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        let alertmanager = try await AlertmanagerProcess(client: client)
        defer { alertmanager.stop() }
        // A label name Alertmanager's validation refuses (it does not start with a letter or underscore).
        var notification = try Samples.firing()
        notification.alerts[0].labels["0bad"] = "x"
        let notifier = AlertmanagerNotifier(endpoint: SinkEndpoint(url: Secret(alertmanager.url)), keepAlive: .seconds(60), transport: client)
        let result = await notifier.send(notification)
        #expect(result.outcome == .failed)
        #expect(result.failure?.reason == .http4xx)
        #expect(result.httpStatus == 400)
    }
}
