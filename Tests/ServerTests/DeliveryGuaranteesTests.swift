import Alerting
import Config
import CurlClient
import Foundation
import KubeSim
import Logging
import Testing

/// Issue 6's delivery guarantees through the whole server: dead letters, the loop guard, resolved messages
/// and `send_resolved`, order per incident across an outage, and the per-sink concurrency limit.
@Suite("Delivery guarantees end to end", .serialized)
struct DeliveryGuaranteesTests {
    /// A webhook sink of the config: its name, URL and further YAML lines (indented by 4).
    struct SinkSpec {
        let name: String
        let url: String
        var extra = ""
    }

    /// Runs PullDoctor with no cluster (every alert is forwarded as `unknown`, fast), fast retries and
    /// `sinks`, on a fresh store; the capture servers in `stopping` are stopped afterwards, also on failure.
    static func withServer(
        _ sinks: [SinkSpec], maxAge: String = "24h", stopping: [CaptureSink] = [],
        _ body: (TestServer) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pd-guarantees-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sinkText = sinks.map { "  - name: \($0.name)\n    type: webhook\n    url: \($0.url)\n" + $0.extra }.joined()
        let result: Result<Void, any Error>
        do {
            try await TestServer.with(config: try config(folder: folder, sinks: sinkText, maxAge: maxAge), body)
            result = .success(())
        } catch {
            result = .failure(error)
        }
        for sink in stopping { await sink.stop() }
        try result.get()
    }

    static func config(folder: URL, sinks: String, maxAge: String) throws -> PullDoctorConfig {
        try ConfigLoader().load(text: """
        kubernetes:
          kubeconfig: \(folder.path)/no-kubeconfig
        diagnosis:
          probe:
            enabled: false
        store:
          path: \(folder.path)/pulldoctor.sqlite
        delivery:
          max_age: \(maxAge)
          initial_backoff: 100ms
          max_backoff: 300ms
          poll_interval: 100ms
        sinks:
        \(sinks)
        """)
    }

    /// One alert for `pod`, firing or resolved, with its own fingerprint; extra labels optional.
    static func payload(pod: String, resolved: Bool = false, labels: [String: String] = [:]) -> String {
        payload(pods: [pod], resolved: resolved, labels: labels)
    }

    /// One payload with an alert per pod (as Alertmanager groups them).
    static func payload(pods: [String], resolved: Bool = false, labels: [String: String] = [:]) -> String {
        let status = resolved ? "resolved" : "firing"
        let endsAt = resolved ? "2026-11-21T20:00:00Z" : "0001-01-01T00:00:00Z"
        let alerts = pods.map { pod in
            var all = ["alertname": "KubeContainerWaiting", "namespace": "shop", "pod": pod, "container": "app",
                       "reason": "ImagePullBackOff"]
            all.merge(labels) { _, new in new }
            let labelJSON = all.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",")
            let fingerprint = String(UInt64(bitPattern: Int64(pod.hashValue)), radix: 16)
            return #"{"status":"\#(status)","labels":{\#(labelJSON)},"annotations":{"summary":"waiting"},"startsAt":"2026-11-21T19:35:30.308Z","endsAt":"\#(endsAt)","generatorURL":"http://prom","fingerprint":"\#(fingerprint)"}"#
        }
        let group = pods.count == 1 ? pods[0] : "many"
        return #"{"version":"4","status":"\#(status)","receiver":"pulldoctor","groupKey":"{}:{pod=\"\#(group)\"}","truncatedAlerts":0,"groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am","alerts":[\#(alerts.joined(separator: ","))]}"#
    }

    /// The status of each delivery of the incident whose pod is `pod`, from the JSON API.
    static func deliveryStatuses(_ server: TestServer, pod: String) async throws -> [String] {
        let list = try #require(try JSONSerialization.jsonObject(with: Data(try await server.get("/api/v1/incidents").body)) as? [String: Any])
        let incidents = list["incidents"] as? [[String: Any]] ?? []
        guard let id = incidents.first(where: { ($0["id"] as? String)?.contains(pod) == true })?["diagnosis_id"] as? String else { return [] }
        let diagnosis = try #require(try JSONSerialization.jsonObject(with: Data(try await server.get("/api/v1/diagnoses/\(id)").body)) as? [String: Any])
        return (diagnosis["deliveries"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String }
    }

    static func waitUntil(seconds: Int = 20, _ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<(seconds * 10) {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }

    @Test("a sink that refuses for good: dead-lettered at once, counted, logged and kept in the store")
    func deadLetterRefused() async throws {
        let sink = try await CaptureSink.start(failFirst: 1000, failure: .rejected)
        try await Self.withServer([SinkSpec(name: "refusing", url: sink.url)], stopping: [sink]) { server async throws in
            #expect(try await server.post("/webhook", body: Self.payload(pod: "web-1")).status == 200)
            let dead = try await Self.waitUntil {
                try await server.metric(#"pulldoctor_outbox_dead_letters_total{sink="refusing"}"#) == 1
            }
            #expect(dead, "one dead letter counted")
            #expect(sink.attempts == 1, "a 400 is not retried")
            #expect(server.logs.captured.contains { $0.contains("notification dead-lettered") && $0.contains("refused for good") })
            #expect(try await Self.deliveryStatuses(server, pod: "web-1") == ["dead"])
            #expect(try await server.metric(#"pulldoctor_outbox_pending{sink="refusing"}"#) ?? 0 == 0)
        }
    }

    @Test("a sink down past delivery.max_age: retried, then dead-lettered, counted and logged")
    func deadLetterMaxAge() async throws {
        let sink = try await CaptureSink.start(failFirst: 1000, failure: .unavailable)
        try await Self.withServer([SinkSpec(name: "down", url: sink.url)], maxAge: "1s", stopping: [sink]) { server async throws in
            #expect(try await server.post("/webhook", body: Self.payload(pod: "web-2")).status == 200)
            let dead = try await Self.waitUntil {
                try await server.metric(#"pulldoctor_outbox_dead_letters_total{sink="down"}"#) == 1
            }
            #expect(dead)
            #expect(sink.attempts >= 2, "retried before giving up (\(sink.attempts) attempts)")
            #expect(server.logs.captured.contains { $0.contains("notification dead-lettered") && $0.contains("max age") })
            #expect(try await Self.deliveryStatuses(server, pod: "web-2") == ["dead"])
        }
    }

    @Test("PullDoctor's own enriched alerts (the loop guard label) are stored but never diagnosed or forwarded")
    func loopGuard() async throws {
        let sink = try await CaptureSink.start()
        try await Self.withServer([SinkSpec(name: "capture", url: sink.url)], stopping: [sink]) { server async throws in
            let enriched = Self.payload(pod: "web-3", labels: ["pulldoctor_enriched": "true", "pulldoctor_category": "network"])
            #expect(try await server.post("/webhook", body: enriched).status == 200)
            // A normal alert after it: once it is delivered, the enriched one had its chance too.
            #expect(try await server.post("/webhook", body: Self.payload(pod: "web-4")).status == 200)
            #expect(await sink.waitFor(1))
            try await Task.sleep(for: .milliseconds(500))
            #expect(sink.deliveries.count == 1)
            let forwarded = String(decoding: sink.deliveries[0].body, as: UTF8.self)
            #expect(forwarded.contains("web-4") && !forwarded.contains("web-3"))
            #expect(!server.logs.captured.contains { $0.contains("diagnosed") && $0.contains("web-3") })
        }
    }

    @Test("resolved: sent after the firing message; a sink with send_resolved: false gets only the firing one")
    func resolved() async throws {
        let all = try await CaptureSink.start()
        let firingOnly = try await CaptureSink.start()
        let sinks = [SinkSpec(name: "all", url: all.url),
                     SinkSpec(name: "firing-only", url: firingOnly.url, extra: "    send_resolved: false\n")]
        try await Self.withServer(sinks, stopping: [all, firingOnly]) { server async throws in
            #expect(try await server.post("/webhook", body: Self.payload(pod: "web-5")).status == 200)
            #expect(await all.waitFor(1))
            #expect(await firingOnly.waitFor(1))
            #expect(try await server.post("/webhook", body: Self.payload(pod: "web-5", resolved: true)).status == 200)
            #expect(await all.waitFor(2), "the resolution reaches the sink that wants it")
            try await Task.sleep(for: .milliseconds(500))
            let statuses = try all.deliveries.map { try WebhookDecoder().decode(Array($0.body)).status.rawValue }
            #expect(statuses == ["firing", "resolved"])
            #expect(firingOnly.deliveries.count == 1, "send_resolved: false")
            let keys = all.deliveries.compactMap { $0.headers["idempotency-key"] }
            #expect(keys.count == 2 && keys[0] != keys[1])
        }
    }

    @Test("a resolution goes only to sinks that were told the incident fires")
    func resolvedOnlyWhereFiringWasTold() async throws {
        let told = try await CaptureSink.start()
        let filtered = try await CaptureSink.start()
        let refusing = try await CaptureSink.start(failFirst: 1000, failure: .rejected)
        let sinks = [SinkSpec(name: "told", url: told.url),
                     SinkSpec(name: "filtered", url: filtered.url, extra: "    matchers: ['category=\"registry_auth\"']\n"),
                     SinkSpec(name: "refusing", url: refusing.url)]
        try await Self.withServer(sinks, stopping: [told, filtered, refusing]) { server async throws in
            #expect(try await server.post("/webhook", body: Self.payload(pod: "web-8")).status == 200)
            #expect(await told.waitFor(1))
            let deadLettered = try await Self.waitUntil {
                try await server.metric(#"pulldoctor_outbox_dead_letters_total{sink="refusing"}"#) == 1
            }
            #expect(deadLettered)
            #expect(try await server.post("/webhook", body: Self.payload(pod: "web-8", resolved: true)).status == 200)
            #expect(await told.waitFor(2), "the sink told of the firing incident hears it resolved")
            try await Task.sleep(for: .milliseconds(600))
            #expect(filtered.attempts == 0, "its matchers excluded the firing diagnosis: no resolution either")
            #expect(refusing.attempts == 1, "its firing message was dead-lettered: no resolution sent after it")
        }
    }

    @Test("a sink that refuses connections for a while gets every message once it listens, in order per incident")
    func orderAcrossOutage() async throws {
        // A free port, left closed: connections are refused until the sink starts on it.
        let port = try await CaptureSink.freePort()
        try await Self.withServer([SinkSpec(name: "later", url: "http://127.0.0.1:\(port)/hook")]) { server async throws in
            for pod in ["web-6", "web-7"] {
                #expect(try await server.post("/webhook", body: Self.payload(pod: pod)).status == 200)
            }
            let retried = try await Self.waitUntil {
                try await server.metric(#"pulldoctor_notifications_total{sink="later",result="retry"}"#) ?? 0 >= 2
            }
            #expect(retried, "both firing messages were tried against the closed port")
            for pod in ["web-6", "web-7"] {
                #expect(try await server.post("/webhook", body: Self.payload(pod: pod, resolved: true)).status == 200)
            }
            try await Task.sleep(for: .milliseconds(500))
            let sink = try await CaptureSink.start(port: port)
            #expect(await sink.waitFor(4), "all four messages delivered once the sink listens")
            var order: [String: [String]] = [:]
            for delivery in sink.deliveries {
                let payload = try WebhookDecoder().decode(Array(delivery.body))
                let pod = payload.alerts.first?.labels["pod"] ?? "?"
                order[pod, default: []].append(payload.status.rawValue)
            }
            #expect(order == ["web-6": ["firing", "resolved"], "web-7": ["firing", "resolved"]])
            #expect(try await server.metric(#"pulldoctor_outbox_dead_letters_total{sink="later"}"#) == 0)
            await sink.stop()
        }
    }

    @Test("a sink's max_concurrency bounds the requests it gets at once")
    func concurrencyLimit() async throws {
        let sink = try await CaptureSink.start(answerDelay: .milliseconds(500))
        let spec = SinkSpec(name: "slowish", url: sink.url, extra: "    max_concurrency: 2\n")
        try await Self.withServer([spec], stopping: [sink]) { server async throws in
            // Six pods in one payload: six incidents recorded together, so six messages are due at once.
            #expect(try await server.post("/webhook", body: Self.payload(pods: (0..<6).map { "batch-\($0)" })).status == 200)
            #expect(await sink.waitFor(6), "six incidents, six messages")
            #expect(sink.maxConcurrent == 2, "two at once, never more (saw \(sink.maxConcurrent))")
        }
    }
}
