import Alerting
import Config
import CurlClient
import Foundation
import KubeSim
import Logging
import Testing

/// The bounded fault suite: the Kubernetes API slow, erroring (500, 403) and down; a registry that hangs or
/// is down; a sink that is slow or answers 429. In each, PullDoctor answers its webhook, forwards a
/// (partial) diagnosis within the deadline, and catches up when the fault ends, losing nothing it
/// acknowledged. (A sink that refuses connections is in `DeliveryGuaranteesTests`; disk full and a read-only
/// store are `scripts/disk-full-test.sh` over HTTP and `StoreTests`; `kill -9` is `scripts/crash-test.sh`.)
@Suite("Faults", .serialized)
struct FaultTests {
    static let pod = "stock-sync-dprh4xgntr-g59sf"
    static let body = ForwardingTests.payload(namespace: "inventory", pod: pod, container: "sync")

    struct Rig {
        let server: TestServer
        let sink: CaptureSink
        let sim: RunningKubeSim?
        /// The port kubesim listens on (or listened on, when it was stopped first).
        let simPort: Int

        /// Sets kubesim's faults (`POST /kubesim/faults`).
        func faults(_ json: String) async throws {
            let sim = try #require(sim)
            let response = try await server.client.send(HTTPRequest(
                method: "POST", url: sim.baseURL + "/kubesim/faults", headers: [(name: "Content-Type", value: "application/json")],
                body: Array(json.utf8)))
            #expect(response.status == 200)
        }

        /// The diagnosis the n-th delivery carried (`diagnoses[0]` of the enriched payload).
        func diagnosis(_ index: Int) throws -> [String: Any] {
            let delivered = try #require(sink.deliveries.dropFirst(index).first)
            let json = try #require(try JSONSerialization.jsonObject(with: delivered.body) as? [String: Any])
            return try #require((json["diagnoses"] as? [[String: Any]])?.first)
        }
    }

    /// PullDoctor against kubesim's `fixture` (or no cluster), with a 1 s diagnosis deadline, short reuse and
    /// retries, and `sink` as its webhook sink.
    static func withRig(
        fixture: String = "dns-failure", values: [String: String] = [:], probe: Bool = false, stopSimFirst: Bool = false,
        sinkFailFirst: Int = 0, sinkFailure: CaptureSink.Failure = .unavailable, registryDelay: Duration = .zero,
        registryPort: Int? = nil, _ body: (Rig) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pd-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = try await CaptureSink.start(failFirst: sinkFailFirst, failure: sinkFailure, registryDelay: registryDelay)
        var values = values
        if values["REGISTRY_OPEN"] == "sink" { values["REGISTRY_OPEN"] = "127.0.0.1:\(sink.port)" }
        if let port = registryPort { values["REGISTRY_OPEN"] = "127.0.0.1:\(port)" }
        var logger = Logger(label: "kubesim")
        logger.logLevel = .error
        let sim = try await KubeSimServer.load(fixtures: "\(ForwardingTests.clusters)/\(fixture)", values: values, logger: logger).start()
        let kubeconfig = folder.appendingPathComponent("kubeconfig").path
        try sim.kubeconfig().write(toFile: kubeconfig, atomically: true, encoding: .utf8)
        if stopSimFirst { await sim.stop() }
        let text = """
        kubernetes:
          kubeconfig: \(kubeconfig)
          request_timeout: 3s
        diagnosis:
          deadline: 1s
          reuse_for: 500ms
          probe:
            enabled: \(probe)
            timeout: 10s
            insecure_registries: ["127.0.0.1"]
        store:
          path: \(folder.path)/pulldoctor.sqlite
        delivery:
          initial_backoff: 100ms
          max_backoff: 2s
          poll_interval: 100ms
        sinks:
          - name: capture
            type: webhook
            url: \(sink.url)
            timeout: 500ms
        """
        let config = try ConfigLoader().load(text: text)
        do {
            try await TestServer.with(config: config) { server in try await body(Rig(server: server, sink: sink, sim: stopSimFirst ? nil : sim, simPort: sim.port)) }
        } catch {
            await sink.stop()
            if !stopSimFirst { await sim.stop() }
            throw error
        }
        await sink.stop()
        if !stopSimFirst { await sim.stop() }
    }

    @Test("Kubernetes API slow: a partial diagnosis goes out at the deadline; once it is fast, the full one follows")
    func kubeSlow() async throws {
        try await Self.withRig { rig in
            try await rig.faults(#"{"latencyMs": 2500}"#)
            #expect(try await rig.server.post("/webhook", body: Self.body).status == 200)
            #expect(await rig.sink.waitFor(1, seconds: 20), "forwarded while the API is slow")
            let first = try rig.diagnosis(0)
            #expect(first["partial"] as? Bool == true)
            #expect(first["category"] as? String == "unknown")

            try await rig.faults(#"{"clear": true}"#)
            try await Task.sleep(for: .milliseconds(600))
            #expect(try await rig.server.post("/webhook", body: Self.body).status == 200, "Alertmanager's re-send")
            #expect(await rig.sink.waitFor(2, seconds: 20), "the changed diagnosis is sent")
            let second = try rig.diagnosis(1)
            #expect(second["category"] as? String == "network")
            #expect(second["reason"] as? String == "dns")
        }
    }

    @Test("Kubernetes API answering 500: forwarded undiagnosed, saying what failed; diagnosed once it recovers")
    func kubeErrors() async throws {
        try await Self.withRig { rig in
            try await rig.faults(#"{"status": 500}"#)
            #expect(try await rig.server.post("/webhook", body: Self.body).status == 200)
            #expect(await rig.sink.waitFor(1, seconds: 20))
            let first = try rig.diagnosis(0)
            #expect(first["category"] as? String == "unknown")
            let unchecked = (first["unchecked"] as? [[String: Any]]) ?? []
            #expect(unchecked.contains { ($0["what"] as? String)?.contains(Self.pod) == true }, "names the pod it could not read: \(unchecked)")

            try await rig.faults(#"{"clear": true}"#)
            // Failed reads are cached for 5 s; the next re-send after that is diagnosed from fresh reads.
            try await Task.sleep(for: .milliseconds(5200))
            #expect(try await rig.server.post("/webhook", body: Self.body).status == 200)
            #expect(await rig.sink.waitFor(2, seconds: 20))
            #expect(try rig.diagnosis(1)["reason"] as? String == "dns")
        }
    }

    @Test("Kubernetes API refusing (403): forwarded, with the RBAC rule that is missing")
    func kubeForbidden() async throws {
        try await Self.withRig { rig in
            try await rig.faults(#"{"status": 403, "resources": ["pods"]}"#)
            #expect(try await rig.server.post("/webhook", body: Self.body).status == 200)
            #expect(await rig.sink.waitFor(1, seconds: 20))
            let unchecked = (try rig.diagnosis(0)["unchecked"] as? [[String: Any]]) ?? []
            #expect(unchecked.contains { ($0["why"] as? String)?.contains("pods") == true }, "\(unchecked)")

            // The rule is granted. A 403 is remembered as long as a successful read (15 s here: the API is not
            // asked again and again during a storm); the first re-send after that is diagnosed in full, and
            // its new cause is sent.
            try await rig.faults(#"{"clear": true}"#)
            try await Task.sleep(for: .milliseconds(15_500))
            #expect(try await rig.server.post("/webhook", body: Self.body).status == 200)
            let caughtUp = await rig.sink.waitFor(2, seconds: 20)
            if !caughtUp { print(rig.server.logs.captured.suffix(8).joined()) }
            #expect(caughtUp, "the full diagnosis follows")
            #expect(try rig.diagnosis(1)["reason"] as? String == "dns")
        }
    }

    @Test("Kubernetes API down: the webhook still answers 200 and the alert is forwarded")
    func kubeDown() async throws {
        try await Self.withRig(stopSimFirst: true) { rig async throws in
            #expect(try await rig.server.post("/webhook", body: Self.body).status == 200)
            #expect(await rig.sink.waitFor(1, seconds: 20))
            let diagnosis = try rig.diagnosis(0)
            #expect(diagnosis["category"] as? String == "unknown")
            #expect(((diagnosis["unchecked"] as? [[String: Any]]) ?? []).isEmpty == false)

            // The API server comes back on the same address: the next re-send after the failure cache is
            // diagnosed in full.
            var logger = Logger(label: "kubesim")
            logger.logLevel = .error
            let back = try await KubeSimServer.load(fixtures: "\(ForwardingTests.clusters)/dns-failure", logger: logger)
                .start(port: rig.simPort)
            try await Task.sleep(for: .milliseconds(5200))
            #expect(try await rig.server.post("/webhook", body: Self.body).status == 200)
            let caughtUp = await rig.sink.waitFor(2, seconds: 20)
            await back.stop()
            #expect(caughtUp, "the full diagnosis follows once the API answers")
            #expect(try rig.diagnosis(1)["reason"] as? String == "dns")
        }
    }

    @Test("a registry that hangs: the diagnosis stops at the deadline and goes out partial")
    func registrySlow() async throws {
        try await Self.withRig(fixture: "wrong-tag", values: ["REGISTRY_OPEN": "sink"], probe: true, registryDelay: .seconds(3)) { rig async throws in
            let body = ForwardingTests.payload(namespace: "shop", pod: "web-468qtzv6kz-dbmb2", container: "web")
            let sent = Date()
            #expect(try await rig.server.post("/webhook", body: body).status == 200)
            #expect(await rig.sink.waitFor(1, seconds: 20))
            let diagnosis = try rig.diagnosis(0)
            #expect(diagnosis["partial"] as? Bool == true, "\(diagnosis["category"] ?? "-")/\(diagnosis["reason"] ?? "-"): \(diagnosis["unchecked"] ?? "-")")
            // The 3 s registry did not hold the notification (deadline 1 s; generous bound for a loaded machine).
            #expect((rig.sink.deliveredAt.first ?? .distantFuture).timeIntervalSince(sent) < 4.5)

            // The registry answers again. The hung probe still runs until its answer (3 s; a re-send meanwhile
            // joins it and is partial again); after that, a re-send is diagnosed in full and the complete
            // diagnosis is sent, though its cause is the same.
            rig.sink.setRegistryDelay(.zero)
            try await Task.sleep(until: .now + .seconds(max(0.5, 3.5 - Date().timeIntervalSince(sent))))
            #expect(try await rig.server.post("/webhook", body: body).status == 200)
            let caughtUp = await rig.sink.waitFor(2, seconds: 20)
            if !caughtUp { print(rig.server.logs.captured.suffix(20).joined()) }
            #expect(caughtUp, "the full diagnosis follows")
            let full = try rig.diagnosis(1)
            #expect(full["partial"] as? Bool == false)
            #expect(full["category"] as? String == "image_not_found", "\(full["category"] ?? "-")/\(full["reason"] ?? "-")")
            #expect(full["reason"] as? String == "tag_not_found")
        }
    }

    @Test("a registry that is down: forwarded at once with the probe's failure; probed again once it is back")
    func registryDown() async throws {
        // A free port, closed: the registry refuses connections until a server starts on it.
        let port = try await CaptureSink.freePort()
        try await Self.withRig(fixture: "wrong-tag", probe: true, registryPort: port) { rig async throws in
            let body = ForwardingTests.payload(namespace: "shop", pod: "web-468qtzv6kz-dbmb2", container: "web")
            let sent = Date()
            #expect(try await rig.server.post("/webhook", body: body).status == 200)
            #expect(await rig.sink.waitFor(1, seconds: 20))
            let down = try rig.diagnosis(0)
            let downText = String(decoding: try JSONSerialization.data(withJSONObject: down), as: UTF8.self)
            #expect(downText.lowercased().contains("refused"), "the probe's failure is in the diagnosis: \(downText.prefix(600))")

            // The registry is back. A failed probe is remembered for 15 s (so a storm does not hammer a
            // registry that is down); the first re-send after that probes it again.
            let registry = try await CaptureSink.start(port: port)
            try await Task.sleep(until: .now + .seconds(max(0.5, 15.5 - Date().timeIntervalSince(sent))))
            #expect(try await rig.server.post("/webhook", body: body).status == 200)
            var probedAgain = false
            for _ in 0..<100 where !probedAgain {
                try await Task.sleep(for: .milliseconds(100))
                probedAgain = rig.server.logs.captured.filter { $0.contains("diagnosed") && $0.contains("web-468qtzv6kz-dbmb2") }.count >= 2
            }
            let metrics = try await rig.server.get("/metrics").text
            await registry.stop()
            #expect(probedAgain, "the re-send was investigated again once the registry answered")
            let outcomes = metrics.split(separator: "\n").filter { $0.hasPrefix("pulldoctor_registry_probes_total{") && !$0.hasSuffix(" 0") }
            #expect(outcomes.count == 2, "one probe refused, one answered by the registry: \(outcomes)")
            #expect(outcomes.contains { $0.contains("connection_refused") })
            #expect(try await rig.server.metric(#"pulldoctor_webhook_requests_total{code="200"}"#) == 2)
        }
    }

    @Test("a sink answering 429 with Retry-After gets the message after the wait, counted as retries")
    func sinkTooManyRequests() async throws {
        try await Self.withRig(sinkFailFirst: 2, sinkFailure: .tooManyRequests(retryAfter: 1)) { rig async throws in
            let sent = Date()
            #expect(try await rig.server.post("/webhook", body: Self.body).status == 200)
            #expect(await rig.sink.waitFor(1, seconds: 20))
            #expect(rig.sink.attempts == 3)
            #expect((rig.sink.deliveredAt.first ?? sent).timeIntervalSince(sent) >= 2, "waited Retry-After twice")
            #expect(try await rig.server.metric(#"pulldoctor_notifications_total{sink="capture",result="retry"}"#) == 2)
        }
    }

    @Test("a sink slower than its timeout: the attempt is retried and the message delivered once it answers")
    func sinkSlow() async throws {
        try await Self.withRig(sinkFailFirst: 2, sinkFailure: .slow(seconds: 2)) { rig async throws in
            #expect(try await rig.server.post("/webhook", body: Self.body).status == 200)
            #expect(await rig.sink.waitFor(1, seconds: 20))
            #expect(rig.sink.deliveries.count == 1)
            #expect(try await rig.server.metric(#"pulldoctor_notifications_total{sink="capture",result="retry"}"#) ?? 0 >= 2)
            #expect(try await rig.server.metric(#"pulldoctor_outbox_dead_letters_total{sink="capture"}"#) == 0)
        }
    }
}
