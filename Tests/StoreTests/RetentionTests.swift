import Foundation
import Testing
@testable import Store

@Suite("Retention")
struct RetentionTests {
    private let day: TimeInterval = 86_400

    @Test("Old rows go in small batches; pending messages, firing incidents and current diagnoses stay")
    func pruneByAge() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open { $0.retention = RetentionPolicy(maxAge: .seconds(30 * 86_400), maxRowsPerTable: nil,
                                                                 batchSize: 2) }
        let old = Fixtures.t0
        let now = old.addingTimeInterval(40 * day)

        // Old and finished: resolved incident, delivered message, diagnosis, alerts, payloads.
        let gone = Fixtures.identity("gone")
        let goneAlerts = try await store.accept(payload: Fixtures.payload(
            (0..<5).map { Fixtures.alert("old\($0)", pod: "gone-\($0)") }, at: old))
        _ = try await store.attach(alertIDs: goneAlerts.alerts.map(\.alertID), to: gone, at: old)
        let goneOutbox = try await store.saveDiagnosis(Fixtures.diagnosis("d-gone", incident: gone, at: old),
            deliveries: [OutboxItem(incidentID: gone.id, sink: "slack", diagnosisID: "d-gone", kind: .firing)])
        _ = try await store.claimDue(sink: "slack", limit: 1, now: old)
        try await store.markDelivered(outboxID: goneOutbox[0], attempt: DeliveryAttempt(at: old))
        try await store.resolveIncident(id: gone.id, at: old)
        for index in 0..<4 {
            _ = try await store.accept(payload: Fixtures.payload([Fixtures.alert("x\(index)")], at: old))
        }

        // Old but unfinished: a firing incident with an old diagnosis and a message still pending.
        let stuck = Fixtures.identity("stuck")
        _ = try await store.attach(alertIDs: [], to: stuck, at: old)
        try await store.saveDiagnosis(Fixtures.diagnosis("d-stuck-1", incident: stuck, at: old))
        try await store.saveDiagnosis(Fixtures.diagnosis("d-stuck-2", incident: stuck, at: old),
            deliveries: [OutboxItem(incidentID: stuck.id, sink: "slack", diagnosisID: "d-stuck-2", kind: .firing)])
        try await store.saveDiagnosis(Fixtures.diagnosis("d-stuck-3", incident: stuck, at: old))

        // Recent.
        let recent = try await store.accept(payload: Fixtures.payload([Fixtures.alert("new")], at: now))

        let report = try await store.prune(now: now)
        #expect(report.deleted[.payloads] == 5)
        #expect(report.deleted[.alerts] == 9)
        #expect(report.deleted[.deliveries] == 1)
        #expect(report.deleted[.outbox] == 1)
        #expect(report.deleted[.diagnoses] == 1) // d-stuck-1; d-gone went with its incident
        #expect(report.deleted[.incidents] == 1)
        #expect(report.batches > 6, "batches of 2 rows each, not one big transaction")

        #expect(try await store.count(.payloads) == 1)
        #expect(try await store.alert(id: recent.alerts[0].alertID) != nil)
        #expect(try await store.incident(id: gone.id) == nil)
        #expect(try await store.incident(id: stuck.id)?.currentDiagnosisID == "d-stuck-3")
        #expect(try await store.diagnosis(id: "d-stuck-2") != nil) // a pending message carries it
        #expect(try await store.diagnosis(id: "d-stuck-1") == nil)
        #expect(try await store.diagnosis(id: "d-gone") == nil)
        #expect(try await store.undeliveredOutbox().map(\.incidentID) == [stuck.id])

        #expect(try await store.prune(now: now).total == 0) // nothing left to do
    }

    @Test("A row cap keeps the newest rows of each table")
    func pruneByCount() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open { $0.retention = RetentionPolicy(maxAge: nil, maxRowsPerTable: 4, batchSize: 3) }
        var payloadIDs: [Int64] = []
        for index in 0..<10 {
            let at = Fixtures.t0.addingTimeInterval(Double(index))
            payloadIDs.append(try await store.accept(payload: Fixtures.payload([Fixtures.alert("f\(index)")], at: at))
                .payloadID)
        }
        let report = try await store.prune(now: Fixtures.t0)
        #expect(report.deleted[.payloads] == 6)
        #expect(report.deleted[.alerts] == 0, "accepted firing alerts stay until they are diagnosed, over the cap too")
        #expect(try await store.count(.payloads) == 4)
        let kept = try await store.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM payloads ORDER BY id")
        }
        #expect(kept == Array(payloadIDs.suffix(4)))
        let waiting = try await store.undiagnosedAlerts()
        #expect(waiting.map(\.fingerprint) == (0..<10).map { "f\($0)" })

        // Once diagnosed, the cap keeps the newest 4.
        let incident = Fixtures.identity("capped")
        _ = try await store.attach(alertIDs: waiting.map(\.id), to: incident, at: Fixtures.t0)
        try await store.saveDiagnosis(Fixtures.diagnosis("d-capped", incident: incident, at: Fixtures.t0),
                                      alertIDs: waiting.map(\.id))
        #expect(try await store.undiagnosedAlerts().isEmpty)
        let after = try await store.prune(now: Fixtures.t0)
        #expect(after.deleted[.alerts] == 6)
        #expect(try await store.count(.alerts) == 4)
    }

    @Test("Accepts keep committing while a large prune runs (latency printed)")
    func pruneDoesNotBlockIngest() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open {
            $0.durability = .normal
            $0.retention = RetentionPolicy(maxAge: .seconds(86_400), maxRowsPerTable: nil, batchSize: 200)
        }
        // 6 000 old payloads of 10 alerts each, written directly to save time.
        try await store.pool.write { db in
            for index in 0..<6_000 {
                let alerts = (0..<10).map { Fixtures.alert("bulk-\(index)-\($0)") }
                _ = try PayloadIngest.apply(Fixtures.payload(alerts, at: Fixtures.t0), in: db)
            }
        }
        let now = Fixtures.t0.addingTimeInterval(2 * day)
        async let pruned = store.prune(now: now)
        var worst: Duration = .zero
        let clock = ContinuousClock()
        for index in 0..<50 {
            let start = clock.now
            _ = try await store.accept(payload: Fixtures.payload([Fixtures.alert("live-\(index)")], at: now))
            worst = max(worst, clock.now - start)
        }
        let report = try await pruned
        #expect(report.deleted[.alerts] == 60_000)
        #expect(report.deleted[.payloads] == 6_000)
        #expect(try await store.count(.payloads) == 50)
        print("store.retention: pruned \(report.total) rows in \(report.batches) batches; "
              + "worst accept latency during prune \(worst)")
    }
}
