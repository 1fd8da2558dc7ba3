import Foundation
import Testing
@testable import Store

@Suite("Accepting webhook payloads")
struct AcceptTests {
    @Test("New alerts are new; the same payload again counts re-sends, not new failures")
    func dedupesResends() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let payload = Fixtures.payload([Fixtures.alert("a1"), Fixtures.alert("a2", pod: "web-2")])

        let first = try await store.accept(payload: payload)
        #expect(first.alerts.map(\.outcome) == [.new, .new])
        #expect(first.newAlerts.count == 2)

        let later = Fixtures.payload(payload.alerts, at: Fixtures.t0.addingTimeInterval(4 * 3600))
        let second = try await store.accept(payload: later)
        #expect(second.alerts.map(\.outcome) == [.resent, .resent])
        #expect(second.alerts.map(\.alertID) == first.alerts.map(\.alertID))
        #expect(second.payloadID != first.payloadID)
        #expect(try await store.count(.payloads) == 2)
        #expect(try await store.count(.alerts) == 2)

        let stored = try #require(try await store.alert(id: first.alerts[0].alertID))
        #expect(stored.resentCount == 1)
        #expect(stored.firstSeen == Fixtures.t0.roundedToMillis)
        #expect(stored.lastSeen == later.receivedAt.roundedToMillis)
        #expect(stored.payloadID == first.payloadID)
        #expect(stored.labels["namespace"] == "shop")
        #expect(stored.annotations["summary"] == "web-7d4b9c-x2x cannot pull its image")
        #expect(stored.startsAt == Fixtures.t0.roundedToMillis)
    }

    @Test("A new startsAt for the same fingerprint is a new failure")
    func newOccurrence() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        _ = try await store.accept(payload: Fixtures.payload([Fixtures.alert("a1")]))
        let again = Fixtures.alert("a1", startsAt: Fixtures.t0.addingTimeInterval(600))
        let result = try await store.accept(payload: Fixtures.payload([again]))
        #expect(result.alerts.map(\.outcome) == [.new])
        #expect(try await store.count(.alerts) == 2)
    }

    @Test("Resolution: resolved once, a repeated resolution is a re-send, a late firing does not re-open")
    func resolution() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let accepted = try await store.accept(payload: Fixtures.payload([Fixtures.alert("a1")]))
        let id = try #require(accepted.alerts.first?.alertID)
        let endsAt = Fixtures.t0.addingTimeInterval(300)

        let resolved = Fixtures.alert("a1", status: .resolved, endsAt: endsAt)
        #expect(try await store.accept(payload: Fixtures.payload([resolved])).alerts.map(\.outcome) == [.resolved])
        #expect(try await store.accept(payload: Fixtures.payload([resolved])).alerts.map(\.outcome) == [.resent])
        #expect(try await store.accept(payload: Fixtures.payload([Fixtures.alert("a1")])).alerts.map(\.outcome)
                == [.resent])

        let stored = try #require(try await store.alert(id: id))
        #expect(stored.status == .resolved)
        #expect(stored.endsAt == endsAt.roundedToMillis)
        #expect(stored.resentCount == 2)
        #expect(try await store.undiagnosedAlerts().isEmpty)
    }

    @Test("A resolution never seen firing is stored as resolved, needing no diagnosis")
    func resolvedFirst() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let result = try await store.accept(payload: Fixtures.payload([Fixtures.alert("z", status: .resolved)]))
        #expect(result.alerts.map(\.outcome) == [.resolved])
        #expect(result.newAlerts.isEmpty)
        let stored = try #require(try await store.alert(id: result.alerts[0].alertID))
        #expect(stored.endsAt == Fixtures.t0.roundedToMillis) // no endsAt given: ended when it arrived
        #expect(try await store.undiagnosedAlerts().isEmpty)
    }

    @Test("An incident whose last firing alert resolves is reported quiet")
    func quietIncidents() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let accepted = try await store.accept(payload: Fixtures.payload([
            Fixtures.alert("a1"), Fixtures.alert("a2", pod: "web-2"),
        ]))
        let incident = Fixtures.identity()
        _ = try await store.attach(alertIDs: accepted.alerts.map(\.alertID), to: incident)

        let first = try await store.accept(payload: Fixtures.payload([Fixtures.alert("a1", status: .resolved)]))
        #expect(first.alerts.first?.incidentID == incident.id)
        #expect(first.quietIncidents.isEmpty) // a2 still fires
        let second = try await store.accept(payload: Fixtures.payload([
            Fixtures.alert("a2", status: .resolved, pod: "web-2"),
        ]))
        #expect(second.quietIncidents == [incident.id])
    }
}

extension Date {
    /// This date as the store keeps it (whole milliseconds).
    var roundedToMillis: Date { Date(storeMillis: storeMillis) }
}
