import Foundation
import Testing
@testable import Store

@Suite("The delivery outbox")
struct OutboxTests {
    /// A store with incidents A and B, and messages A1, B1, A2 to `slack` plus A1' to `teams`, in that order.
    private func seeded() async throws -> (TestDatabase, Store, Messages) {
        let db = try TestDatabase()
        let store = try db.open()
        let a = Fixtures.identity("a")
        let b = Fixtures.identity("b")
        _ = try await store.attach(alertIDs: [], to: a, at: Fixtures.t0)
        _ = try await store.attach(alertIDs: [], to: b, at: Fixtures.t0)
        try await store.saveDiagnosis(Fixtures.diagnosis("d-a1", incident: a))
        try await store.saveDiagnosis(Fixtures.diagnosis("d-b1", incident: b))
        let ids = try await store.enqueue([
            OutboxItem(incidentID: a.id, sink: "slack", diagnosisID: "d-a1", kind: .firing),
            OutboxItem(incidentID: b.id, sink: "slack", diagnosisID: "d-b1", kind: .firing),
            OutboxItem(incidentID: a.id, sink: "slack", diagnosisID: "d-a1", kind: .resolved),
            OutboxItem(incidentID: a.id, sink: "teams", diagnosisID: "d-a1", kind: .firing),
        ], at: Fixtures.t0)
        #expect(ids.count == 4)
        return (db, store, Messages(a1: ids[0], b1: ids[1], a2: ids[2], a1Teams: ids[3]))
    }

    /// The seeded messages' ids.
    private struct Messages {
        let a1: Int64
        let b1: Int64
        let a2: Int64
        let a1Teams: Int64
    }

    @Test("Claims follow arrival order, one pending message per incident and sink at a time")
    func inOrderPerIncident() async throws {
        let (db, store, ids) = try await seeded()
        defer { db.remove() }
        let now = Fixtures.t0.addingTimeInterval(1)

        let first = try await store.claimDue(sink: "slack", limit: 10, now: now)
        #expect(first.map(\.id) == [ids.a1, ids.b1])
        #expect(first.allSatisfy { $0.attempts == 1 && $0.claimedAt == now.roundedToMillis })
        // Claimed rows are leased: nothing more for slack until an outcome or the lease ends.
        #expect(try await store.claimDue(sink: "slack", limit: 10, now: now).isEmpty)
        // Another sink has its own order.
        #expect(try await store.claimDue(sink: "teams", limit: 10, now: now).map(\.id) == [ids.a1Teams])

        #expect(try await store.markDelivered(outboxID: ids.a1, attempt: DeliveryAttempt(at: now)))
        #expect(try await store.claimDue(sink: "slack", limit: 10, now: now).map(\.id) == [ids.a2])
        let delivered = try #require(try await store.outboxRecord(id: ids.a1))
        #expect(delivered.status == .delivered)
        #expect(delivered.claimedAt == nil)
        #expect(delivered.deliveredAt == now.roundedToMillis)
        // A second outcome for the same message changes nothing.
        #expect(try await !store.markDelivered(outboxID: ids.a1, attempt: DeliveryAttempt(at: now)))
        #expect(try await store.deliveries(ofOutbox: ids.a1).count == 1)
    }

    @Test("An expired lease makes the message due again, counting another attempt")
    func leaseExpiry() async throws {
        let (db, store, ids) = try await seeded()
        defer { db.remove() }
        let now = Fixtures.t0.addingTimeInterval(1)
        _ = try await store.claimDue(sink: "slack", limit: 1, now: now, lease: .seconds(30))
        #expect(try await store.claimDue(sink: "slack", limit: 1, now: now.addingTimeInterval(29)).map(\.id)
                == [ids.b1])
        let again = try await store.claimDue(sink: "slack", limit: 5, now: now.addingTimeInterval(31))
        #expect(again.map(\.id) == [ids.a1])
        #expect(again.first?.attempts == 2)
    }

    @Test("Enqueuing the same message twice stores it once")
    func idempotentEnqueue() async throws {
        let (db, store, _) = try await seeded()
        defer { db.remove() }
        let again = try await store.enqueue([
            OutboxItem(incidentID: Fixtures.identity("a").id, sink: "slack", diagnosisID: "d-a1", kind: .firing),
        ])
        #expect(again.isEmpty)
        #expect(try await store.count(.outbox) == 4)
        let unknown = await #expect(throws: StoreError.self) {
            try await store.enqueue([OutboxItem(incidentID: "nope", sink: "slack", kind: .firing)])
        }
        #expect(unknown?.reason == .constraint)
    }

    @Test("A failed attempt waits for its retry time and blocks later messages of its incident")
    func retryScheduling() async throws {
        let (db, store, ids) = try await seeded()
        defer { db.remove() }
        let t1 = Fixtures.t0.addingTimeInterval(1)
        let a1 = ids.a1
        _ = try await store.claimDue(sink: "slack", limit: 10, now: t1)
        let attempt = DeliveryAttempt(at: t1, httpStatus: 503, error: "http_5xx", duration: .milliseconds(120))
        #expect(try await store.markFailed(outboxID: a1, attempt: attempt, retryAt: t1.addingTimeInterval(30)))
        #expect(try await store.markDelivered(outboxID: ids.b1, attempt: DeliveryAttempt(at: t1)))

        // Before the retry time: A1 is not due and A2 waits behind it.
        #expect(try await store.claimDue(sink: "slack", limit: 10, now: t1.addingTimeInterval(29)).isEmpty)
        let retried = try await store.claimDue(sink: "slack", limit: 10, now: t1.addingTimeInterval(30))
        #expect(retried.map(\.id) == [a1])
        #expect(retried.first?.attempts == 2)
        #expect(retried.first?.lastError == "http_5xx")

        let log = try await store.deliveries(ofOutbox: a1)
        #expect(log.map(\.result) == [.retry])
        #expect(log.first?.httpStatus == 503)
        #expect(log.first?.duration == .milliseconds(120))
    }

    @Test("A dead letter stays stored, counts in the stats and unblocks the incident's next message")
    func deadLetters() async throws {
        let (db, store, ids) = try await seeded()
        defer { db.remove() }
        let t1 = Fixtures.t0.addingTimeInterval(1)
        let a1 = ids.a1
        _ = try await store.claimDue(sink: "slack", limit: 10, now: t1)
        #expect(try await store.markFailed(
            outboxID: a1, attempt: DeliveryAttempt(at: t1, httpStatus: 400, error: "http_4xx"), retryAt: nil))
        #expect(try await store.outboxRecord(id: a1)?.status == .dead)
        #expect(try await !store.markDelivered(outboxID: a1, attempt: DeliveryAttempt(at: t1)))
        #expect(try await store.claimDue(sink: "slack", limit: 10, now: t1).map(\.id) == [ids.a2])
        #expect(try await store.deliveries(ofOutbox: a1).map(\.result) == [.dead])

        let stats = try await store.outboxStats(now: Fixtures.t0.addingTimeInterval(90))
        #expect(stats.map(\.sink) == ["slack", "teams"])
        #expect(stats[0].pending == 2) // B1 (claimed) and A2 (claimed)
        #expect(stats[0].dead == 1)
        #expect(stats[0].oldestPendingAge == 90)
        #expect(stats[1].pending == 1)
        #expect(stats[1].dead == 0)
    }

    @Test("Stats report no age when nothing waits")
    func statsWhenDrained() async throws {
        let (db, store, ids) = try await seeded()
        defer { db.remove() }
        let now = Fixtures.t0.addingTimeInterval(5)
        _ = try await store.claimDue(sink: "teams", limit: 10, now: now)
        try await store.markDelivered(outboxID: ids.a1Teams, attempt: DeliveryAttempt(at: now))
        let teams = try #require(try await store.outboxStats(now: now).first { $0.sink == "teams" })
        #expect(teams.pending == 0)
        #expect(teams.oldestPendingAge == nil)
    }
}
