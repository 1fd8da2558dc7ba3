import Foundation
import Testing
@testable import Store

@Suite("Resuming unfinished work after a restart")
struct ResumeTests {
    /// Accepts three alerts, diagnoses one, enqueues two messages and claims one: the state of a
    /// service that dies in the middle of its work.
    private func work(_ store: Store) async throws -> (undiagnosed: [Int64], claimed: Int64, waiting: Int64) {
        let accepted = try await store.accept(payload: Fixtures.payload([
            Fixtures.alert("a1"), Fixtures.alert("a2", pod: "web-2"), Fixtures.alert("a3", pod: "web-3"),
        ]))
        let ids = accepted.alerts.map(\.alertID)
        let incident = Fixtures.identity()
        _ = try await store.attach(alertIDs: [ids[0]], to: incident, at: Fixtures.t0)
        let outbox = try await store.saveDiagnosis(
            Fixtures.diagnosis("d1", incident: incident), alertIDs: [ids[0]], deliveries: [
                OutboxItem(incidentID: incident.id, sink: "slack", diagnosisID: "d1", kind: .firing),
                OutboxItem(incidentID: incident.id, sink: "webhook", diagnosisID: "d1", kind: .firing),
            ])
        let claimed = try await store.claimDue(sink: "slack", limit: 1, now: Fixtures.t0, lease: .seconds(300))
        #expect(claimed.map(\.id) == [outbox[0]])
        return (Array(ids[1...]), outbox[0], outbox[1])
    }

    @Test("A crash image (database and WAL copied while open, no checkpoint) resumes every unfinished item")
    func resumesFromCrashImage() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let expected = try await work(store)

        // Copy the files as a crash would leave them: the store is still open, its last commits live only
        // in the write-ahead log, and the shared-memory index is left behind.
        let walSize = try FileManager.default.attributesOfItem(atPath: db.path + "-wal")[.size] as? Int ?? 0
        #expect(walSize > 0, "the commits should still be in the WAL")
        let crashed = try TestDatabase()
        defer { crashed.remove() }
        try FileManager.default.copyItem(atPath: db.path, toPath: crashed.path)
        try FileManager.default.copyItem(atPath: db.path + "-wal", toPath: crashed.path + "-wal")
        _ = store // dropped without close()

        let reopened = try crashed.open()
        #expect(try await reopened.undiagnosedAlerts().map(\.id) == expected.undiagnosed)
        #expect(try await reopened.undeliveredOutbox().map(\.id) == [expected.claimed, expected.waiting])
        // The dead process's claim is still leased ...
        let later = Fixtures.t0.addingTimeInterval(10)
        #expect(try await reopened.claimDue(sink: "slack", limit: 5, now: later).isEmpty)
        // ... until the restart releases it.
        #expect(try await reopened.releaseClaims() == 1)
        let resumed = try await reopened.claimDue(sink: "slack", limit: 5, now: later)
        #expect(resumed.map(\.id) == [expected.claimed])
        #expect(resumed.first?.attempts == 2)
        #expect(try await reopened.claimDue(sink: "webhook", limit: 5, now: later).map(\.id) == [expected.waiting])
    }

    @Test("Closing and re-opening the same file resumes the same work; paging is by id")
    func resumesAfterReopen() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let expected: (undiagnosed: [Int64], claimed: Int64, waiting: Int64)
        do {
            let store = try db.open()
            expected = try await work(store)
            try store.close()
        }
        let store = try db.open()
        let firstPage = try await store.undiagnosedAlerts(limit: 1)
        #expect(firstPage.map(\.id) == [expected.undiagnosed[0]])
        let secondPage = try await store.undiagnosedAlerts(afterID: firstPage[0].id, limit: 1)
        #expect(secondPage.map(\.id) == [expected.undiagnosed[1]])
        #expect(try await store.undeliveredOutbox(afterID: expected.claimed).map(\.id) == [expected.waiting])
    }
}
