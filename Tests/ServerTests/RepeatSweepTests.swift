import Alerting
import Diagnosis
import Foundation
import Logging
import Notify
import Redaction
import Store
import Testing
@testable import Server

/// Re-notification and the Alertmanager sink's keep-alive: which incidents are repeated, when, with what.
@Suite("Repeating notifications of incidents that still fire", .serialized)
struct RepeatSweepTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
    static let hour: TimeInterval = 3600

    /// A store holding one firing incident with alert `a1`, diagnosed, and its first notification to each
    /// sink delivered at `t0`.
    struct Seeded {
        let folder: URL
        let store: Store
        let incident: String
        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static func sinks() -> [SinkConfig] {
        [
            SinkConfig(name: "chat", type: .slack, url: Secret("http://127.0.0.1:9/hook"), renotifyInterval: .seconds(4 * 3600)),
            SinkConfig(name: "am", type: .alertmanager, url: Secret("http://127.0.0.1:9/"), renotifyInterval: .seconds(3600)),
        ]
    }

    static func alert(_ fingerprint: String, status: FiringState = .firing) -> IncomingAlert {
        IncomingAlert(fingerprint: fingerprint, status: status, startsAt: t0.addingTimeInterval(-60),
                      labels: ["alertname": "KubePodImagePull", "namespace": "shop", "pod": "web-\(fingerprint)", "container": "web"],
                      annotations: ["summary": "cannot pull"])
    }

    static func payload(_ alerts: [IncomingAlert], at: Date) -> IncomingPayload {
        IncomingPayload(receivedAt: at, groupKey: "{}:{}", receiver: "pulldoctor",
                        status: alerts.contains { $0.status == .firing } ? .firing : .resolved, body: Data("{}".utf8), alerts: alerts)
    }

    static func seeded() async throws -> Seeded {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pd-repeat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try Store(configuration: StoreConfiguration(path: folder.appendingPathComponent("s.sqlite").path))
        let accepted = try await store.accept(payload: payload([alert("a1")], at: t0))
        let key = IncidentKey(namespace: "shop", ownerKind: "Deployment", ownerName: "web", image: "registry.example/web:v2")
        let identity = IncidentIdentity(id: key.id, namespace: key.namespace, ownerKind: key.ownerKind, ownerName: key.ownerName, image: key.image)
        _ = try await store.attach(alertIDs: accepted.alerts.map(\.alertID), to: identity, at: t0)
        let report = DiagnosisReport(id: "d1", createdAt: t0, verdict: .imagePull, incident: key, category: .imageNotFound,
                                     reason: .tagNotFound, confidence: .high, summary: "Tag v2 does not exist.")
        let notification = IncidentNotification(
            status: .firing, alerts: [Alert(status: .firing, labels: alert("a1").labels, annotations: [:], startsAt: t0, fingerprint: "a1")],
            diagnosis: report, idempotencyKey: "", diagnosisURL: "http://pd/diagnoses/d1")
        let items = sinks().map {
            OutboxItem(incidentID: key.id, sink: $0.name, diagnosisID: "d1", kind: .firing, body: OutboxEnvelope(notification).encoded())
        }
        try await store.saveDiagnosis(
            DiagnosisRecord(id: "d1", incidentID: key.id, createdAt: t0, category: "image_not_found", reason: "tag_not_found",
                            confidence: "high", partial: false, body: Data("{}".utf8)),
            alertIDs: accepted.alerts.map(\.alertID), deliveries: items)
        try await deliverPending(store, at: t0)
        return Seeded(folder: folder, store: store, incident: key.id)
    }

    /// Delivers every pending message of both sinks at `now`; returns them.
    @discardableResult
    static func deliverPending(_ store: Store, at now: Date) async throws -> [OutboxRecord] {
        var out: [OutboxRecord] = []
        for sink in ["chat", "am"] {
            for record in try await store.claimDue(sink: sink, limit: 100, now: now) {
                try await store.markDelivered(outboxID: record.id, attempt: DeliveryAttempt(at: now))
                out.append(record)
            }
        }
        return out
    }

    static func sweep(_ store: Store) -> RepeatSweep {
        RepeatSweep(store: store, sinks: sinks(), logger: Logger(label: "test"))
    }

    @Test("each sink repeats after its own interval, with a new numbered key, while Alertmanager keeps re-sending")
    func repeatsPerSink() async throws {
        let seeded = try await Self.seeded()
        defer { seeded.remove() }
        let sweep = Self.sweep(seeded.store)
        // Before any interval has passed: nothing.
        #expect(await sweep.sweep(now: Self.t0.addingTimeInterval(30 * 60)) == 0)

        // Alertmanager re-sends at 50 min (keeps the incident alive), the `am` sink is due at 1 h.
        _ = try await seeded.store.accept(payload: Self.payload([Self.alert("a1")], at: Self.t0.addingTimeInterval(50 * 60)))
        #expect(await sweep.sweep(now: Self.t0.addingTimeInterval(Self.hour)) == 1)
        // Pending already: a second sweep adds nothing.
        #expect(await sweep.sweep(now: Self.t0.addingTimeInterval(Self.hour + 1)) == 0)
        let first = try await Self.deliverPending(seeded.store, at: Self.t0.addingTimeInterval(Self.hour + 2))
        #expect(first.map(\.sink) == ["am"])
        #expect(first.first?.idempotencyKey.hasSuffix("|am|d1|firing|repeat-1") == true)

        // At 2 h the `am` sink again (its alerts' keep-alive); the chat sink waits for its 4 h.
        #expect(await sweep.sweep(now: Self.t0.addingTimeInterval(2 * Self.hour + 3)) == 1)
        let second = try await Self.deliverPending(seeded.store, at: Self.t0.addingTimeInterval(2 * Self.hour + 4))
        #expect(second.first?.idempotencyKey.hasSuffix("|am|d1|firing|repeat-2") == true)

        // Alertmanager re-sends at 3 h 50; at 4 h both are due (the chat sink's first repeat).
        _ = try await seeded.store.accept(payload: Self.payload([Self.alert("a1")], at: Self.t0.addingTimeInterval(3.8 * Self.hour)))
        #expect(await sweep.sweep(now: Self.t0.addingTimeInterval(4 * Self.hour)) == 2)
        let both = try await Self.deliverPending(seeded.store, at: Self.t0.addingTimeInterval(4 * Self.hour + 1))
        #expect(both.map(\.sink) == ["chat", "am"])
        #expect(both[0].idempotencyKey.hasSuffix("|chat|d1|firing|repeat-1"))
        #expect(both[1].idempotencyKey.hasSuffix("|am|d1|firing|repeat-3"))
        let body = try #require(both[0].body)
        let envelope = try #require(OutboxEnvelope.decode(body))
        let repeated = envelope.notification(idempotencyKey: "k")
        #expect(repeated.status == .firing)
        #expect(repeated.diagnosis?.id == "d1", "the last diagnosis sent is repeated")
    }

    @Test("a repeat carries the incident's alerts that fire now, including ones that joined later")
    func currentAlerts() async throws {
        let seeded = try await Self.seeded()
        defer { seeded.remove() }
        let later = try await seeded.store.accept(payload: Self.payload([Self.alert("a2")], at: Self.t0.addingTimeInterval(600)))
        let incident = try #require(try await seeded.store.incident(id: seeded.incident))
        _ = try await seeded.store.attach(
            alertIDs: later.alerts.map(\.alertID),
            to: IncidentIdentity(id: incident.id, namespace: incident.namespace, ownerKind: incident.ownerKind,
                                 ownerName: incident.ownerName, image: incident.image),
            at: Self.t0.addingTimeInterval(600))
        #expect(await Self.sweep(seeded.store).sweep(now: Self.t0.addingTimeInterval(Self.hour)) == 1)
        let record = try #require(try await Self.deliverPending(seeded.store, at: Self.t0.addingTimeInterval(Self.hour)).first)
        let body = try #require(record.body)
        let notification = try #require(OutboxEnvelope.decode(body)).notification(idempotencyKey: "")
        #expect(Set(notification.alerts.map(\.fingerprint)) == ["a1", "a2"])
    }

    @Test("no repeat once Alertmanager stopped sending the alerts, or once the incident resolved")
    func stops() async throws {
        let seeded = try await Self.seeded()
        defer { seeded.remove() }
        let sweep = Self.sweep(seeded.store)
        // Last received at t0: the `am` sink's window is 3 h, the chat sink's 4 h.
        #expect(await sweep.sweep(now: Self.t0.addingTimeInterval(3 * Self.hour + 60)) == 0, "am: not seen within its 3 h window")
        #expect(await sweep.sweep(now: Self.t0.addingTimeInterval(4 * Self.hour + 60)) == 0, "chat: not seen within 4 h")

        _ = try await seeded.store.accept(payload: Self.payload([Self.alert("a1")], at: Self.t0.addingTimeInterval(5 * Self.hour)))
        #expect(try await seeded.store.resolveIncident(id: seeded.incident, at: Self.t0.addingTimeInterval(5 * Self.hour)))
        #expect(await sweep.sweep(now: Self.t0.addingTimeInterval(5 * Self.hour + 60)) == 0, "resolved")
    }

    @Test("a message still pending (sink down) is not repeated on top")
    func pendingBlocks() async throws {
        let seeded = try await Self.seeded()
        defer { seeded.remove() }
        let sweep = Self.sweep(seeded.store)
        _ = try await seeded.store.accept(payload: Self.payload([Self.alert("a1")], at: Self.t0.addingTimeInterval(3.9 * Self.hour)))
        #expect(await sweep.sweep(now: Self.t0.addingTimeInterval(4 * Self.hour)) == 2)
        // The sinks are down: nothing is delivered, and later sweeps add nothing.
        #expect(await sweep.sweep(now: Self.t0.addingTimeInterval(5.5 * Self.hour)) == 0)
        #expect(try await seeded.store.undeliveredOutbox().count == 2)
    }
}
