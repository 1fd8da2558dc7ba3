import Alerting
import Config
import CurlClient
import Foundation
import KubeSim
import Logging
import Testing

/// The whole path: Alertmanager's payload → commit → diagnosis against kubesim → outbox → webhook sink.
@Suite("Forwarding enriched notifications", .serialized)
struct ForwardingTests {
    static let clusters = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/clusters").path

    /// A PullDoctor config reading kubesim and sending to `sink`, with fast retries.
    static func config(kubeconfig: String, sink: String, folder: URL, reuseFor: String = "60s") throws -> PullDoctorConfig {
        let text = """
        web:
          external_url: http://pulldoctor.test
        kubernetes:
          kubeconfig: \(kubeconfig)
        diagnosis:
          reuse_for: \(reuseFor)
          probe:
            enabled: false
        store:
          path: \(folder.path)/pulldoctor.sqlite
        delivery:
          initial_backoff: 100ms
          max_backoff: 500ms
          poll_interval: 100ms
        sinks:
          - name: capture
            type: webhook
            url: \(sink)
        """
        return try ConfigLoader().load(text: text)
    }

    static func payload(namespace: String, pod: String, container: String) -> String {
        #"{"version":"4","status":"firing","receiver":"pulldoctor","groupKey":"{}:{}","truncatedAlerts":0,"groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am","alerts":[{"status":"firing","labels":{"alertname":"KubeContainerWaiting","namespace":"\#(namespace)","pod":"\#(pod)","container":"\#(container)","reason":"ImagePullBackOff"},"annotations":{"summary":"waiting"},"startsAt":"2026-11-21T19:35:30.308Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prom","fingerprint":"0a1b2c3d4e5f6071"}]}"#
    }

    static func withRig(failFirst: Int = 0, reuseFor: String = "60s", _ body: (TestServer, CaptureSink) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pd-forward-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var logger = Logger(label: "kubesim")
        logger.logLevel = .error
        let sim = try await KubeSimServer.load(fixtures: "\(clusters)/dns-failure", logger: logger).start()
        let kubeconfig = folder.appendingPathComponent("kubeconfig").path
        try sim.kubeconfig().write(toFile: kubeconfig, atomically: true, encoding: .utf8)
        let sink = try await CaptureSink.start(failFirst: failFirst)
        let config = try Self.config(kubeconfig: kubeconfig, sink: sink.url, folder: folder, reuseFor: reuseFor)
        do {
            try await TestServer.with(config: config) { server in try await body(server, sink) }
        } catch {
            await sink.stop()
            await sim.stop()
            throw error
        }
        await sink.stop()
        await sim.stop()
    }

    @Test("a firing alert reaches the webhook sink enriched with its diagnosis, as an Alertmanager payload")
    func enriched() async throws {
        try await Self.withRig { server, sink in
            let response = try await server.post("/webhook", body: Self.payload(namespace: "inventory", pod: "stock-sync-dprh4xgntr-g59sf", container: "sync"))
            #expect(response.status == 200)
            let arrived = await sink.waitFor(1)
            if !arrived { print(server.logs.captured.suffix(30).joined()) }
            #expect(arrived, "delivered within 30 s")
            let delivered = try #require(sink.deliveries.first)
            let payload = try WebhookDecoder().decode(Array(delivered.body))
            let alert = try #require(payload.alerts.first)
            #expect(alert.annotations["pulldoctor_category"] == "network")
            #expect(alert.annotations["pulldoctor_reason"] == "dns")
            #expect(alert.annotations["pulldoctor_url"]?.hasPrefix("http://pulldoctor.test/diagnoses/") == true)
            #expect(alert.annotations["summary"] == "waiting", "the original annotations stay")
            let key = try #require(delivered.headers["idempotency-key"])
            let json = try #require(try JSONSerialization.jsonObject(with: delivered.body) as? [String: Any])
            #expect(json["idempotencyKey"] as? String == key)
            #expect((json["diagnoses"] as? [[String: Any]])?.first?["category"] as? String == "network")
            // Alertmanager re-sends the same group: not diagnosed or sent again.
            _ = try await server.post("/webhook", body: Self.payload(namespace: "inventory", pod: "stock-sync-dprh4xgntr-g59sf", container: "sync"))
            try await Task.sleep(for: .seconds(1))
            #expect(sink.deliveries.count == 1)
            #expect(try await server.metric(#"pulldoctor_notifications_total{sink="capture",result="delivered"}"#) == 1)
            #expect(try await server.metric(#"pulldoctor_image_pull_failures_total{category="network",reason="dns"}"#) == 1)
        }
    }

    @Test("a sink that is down for a while gets everything once it is back, retries counted")
    func sinkDown() async throws {
        try await Self.withRig(failFirst: 3) { server, sink in
            let response = try await server.post("/webhook", body: Self.payload(namespace: "inventory", pod: "stock-sync-dprh4xgntr-g59sf", container: "sync"))
            #expect(response.status == 200)
            #expect(await sink.waitFor(1), "delivered after the sink came back")
            #expect(sink.attempts >= 4)
            #expect(try await server.metric(#"pulldoctor_notifications_total{sink="capture",result="retry"}"#) ?? 0 >= 3)
            #expect(try await server.metric(#"pulldoctor_outbox_dead_letters_total{sink="capture"}"#) == 0)
        }
    }

    @Test("a re-send after reuse_for is diagnosed again, but an unchanged cause is not sent again")
    func resendRediagnosed() async throws {
        try await Self.withRig(reuseFor: "500ms") { server, sink in
            let body = Self.payload(namespace: "inventory", pod: "stock-sync-dprh4xgntr-g59sf", container: "sync")
            #expect(try await server.post("/webhook", body: body).status == 200)
            #expect(await sink.waitFor(1))
            try await Task.sleep(for: .milliseconds(700))
            #expect(try await server.post("/webhook", body: body).status == 200)
            var diagnosed = 0
            for _ in 0..<50 where diagnosed < 2 {
                try await Task.sleep(for: .milliseconds(100))
                diagnosed = server.logs.captured.filter { $0.contains("diagnosed") && $0.contains("stock-sync-dprh4xgntr-g59sf") }.count
            }
            #expect(diagnosed == 2, "the re-send was investigated again")
            try await Task.sleep(for: .milliseconds(500))
            #expect(sink.deliveries.count == 1, "same cause: no second message")
        }
    }

    @Test("without a cluster the alert is still forwarded, saying the cluster could not be read")
    func noCluster() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pd-nocluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = try await CaptureSink.start()
        let config = try Self.config(kubeconfig: folder.appendingPathComponent("missing-kubeconfig").path, sink: sink.url, folder: folder)
        do {
            try await TestServer.with(config: config) { server in
                let response = try await server.post("/webhook", body: Self.payload(namespace: "inventory", pod: "stock-sync-dprh4xgntr-g59sf", container: "sync"))
                #expect(response.status == 200)
                #expect(await sink.waitFor(1), "forwarded without a diagnosis from the cluster")
                let delivered = try #require(sink.deliveries.first)
                let payload = try WebhookDecoder().decode(Array(delivered.body))
                let alert = try #require(payload.alerts.first)
                #expect(alert.annotations["pulldoctor_category"] == "unknown")
                #expect(alert.labels["pod"] == "stock-sync-dprh4xgntr-g59sf")
                let text = String(decoding: delivered.body, as: UTF8.self)
                #expect(text.contains("no Kubernetes cluster"), "the reason is in the diagnosis")
            }
        } catch {
            await sink.stop()
            throw error
        }
        await sink.stop()
    }
}
