import Foundation
import Testing
@testable import Store

@Suite("Incidents and diagnoses")
struct IncidentLifecycleTests {
    @Test("Open, join, diagnose, resolve, re-open as a new episode")
    func lifecycle() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let incident = Fixtures.identity()
        let t0 = Fixtures.t0

        let first = try await store.accept(payload: Fixtures.payload([Fixtures.alert("a1")]))
        let a1 = first.alerts[0].alertID
        #expect(try await store.undiagnosedAlerts().map(\.id) == [a1])

        let opened = try await store.attach(alertIDs: [a1], to: incident, at: t0)
        #expect(opened.change == .opened)
        #expect(opened.incident.status == .firing)
        #expect(opened.incident.episode == 1)
        #expect(opened.incident.currentDiagnosisID == nil)

        let diagnosis = Fixtures.diagnosis("d1", incident: incident, at: t0.addingTimeInterval(2))
        let enqueued = try await store.saveDiagnosis(diagnosis, alertIDs: [a1], deliveries: [
            OutboxItem(incidentID: incident.id, sink: "slack", diagnosisID: "d1", kind: .firing),
            OutboxItem(incidentID: incident.id, sink: "webhook", diagnosisID: "d1", kind: .firing),
        ])
        #expect(enqueued.count == 2)
        let diagnosed = try #require(try await store.incident(id: incident.id))
        #expect(diagnosed.currentDiagnosisID == "d1")
        #expect(diagnosed.category == "image_not_found")
        #expect(diagnosed.reason == "tag_not_found")
        #expect(try await store.undiagnosedAlerts().isEmpty)
        #expect(try await store.alert(id: a1)?.diagnosisID == "d1")
        #expect(try await store.diagnosis(id: "d1")?.body == diagnosis.body)

        // A second pod of the same deployment joins and reuses the diagnosis.
        let second = try await store.accept(payload: Fixtures.payload([Fixtures.alert("a2", pod: "web-2")]))
        let a2 = second.alerts[0].alertID
        let joined = try await store.attach(alertIDs: [a2], to: incident, at: t0.addingTimeInterval(5))
        #expect(joined.change == .joined)
        #expect(joined.incident.lastSeen == t0.addingTimeInterval(5).roundedToMillis)
        try await store.markDiagnosed(alertIDs: [a2], diagnosisID: joined.incident.currentDiagnosisID)
        #expect(try await store.alert(id: a2)?.diagnosisID == "d1")

        let resolvedAt = t0.addingTimeInterval(600)
        let resolveItem = OutboxItem(incidentID: incident.id, sink: "slack", diagnosisID: "d1", kind: .resolved)
        #expect(try await store.resolveIncident(id: incident.id, at: resolvedAt, deliveries: [resolveItem]))
        #expect(try await !store.resolveIncident(id: incident.id, at: resolvedAt, deliveries: [resolveItem]))
        let resolved = try #require(try await store.incident(id: incident.id))
        #expect(resolved.status == .resolved)
        #expect(resolved.resolvedAt == resolvedAt.roundedToMillis)
        #expect(try await store.count(.outbox) == 3)

        // The same failure comes back later: a new occurrence re-opens the incident as episode 2, and
        // the same diagnosis may be announced again because the key carries the episode.
        let third = try await store.accept(payload: Fixtures.payload(
            [Fixtures.alert("a1", startsAt: t0.addingTimeInterval(3600))], at: t0.addingTimeInterval(3600)))
        let reopened = try await store.attach(
            alertIDs: [third.alerts[0].alertID], to: incident, at: t0.addingTimeInterval(3600))
        #expect(reopened.change == .reopened)
        #expect(reopened.incident.episode == 2)
        #expect(reopened.incident.status == .firing)
        #expect(reopened.incident.resolvedAt == nil)
        #expect(reopened.incident.firstSeen == t0.roundedToMillis)
        let again = try await store.enqueue([
            OutboxItem(incidentID: incident.id, sink: "slack", diagnosisID: "d1", kind: .firing),
        ])
        #expect(again.count == 1)
        #expect(try await store.alerts(ofIncident: incident.id).count == 3)
    }

    @Test("Attaching only resolved alerts does not re-open a resolved incident")
    func resolvedAlertsDoNotReopen() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let incident = Fixtures.identity()
        let a1 = try await store.accept(payload: Fixtures.payload([Fixtures.alert("a1")])).alerts[0].alertID
        _ = try await store.attach(alertIDs: [a1], to: incident)
        try await store.resolveIncident(id: incident.id)
        let late = try await store.accept(payload: Fixtures.payload([Fixtures.alert("late", status: .resolved)]))
        let attached = try await store.attach(alertIDs: [late.alerts[0].alertID], to: incident)
        #expect(attached.change == .joined)
        #expect(attached.incident.status == .resolved)
    }

    @Test("A diagnosis of an unknown incident, or a duplicate id, is refused whole")
    func refusesUnknownIncident() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let ghost = Fixtures.identity("ghost")
        let unknown = await #expect(throws: StoreError.self) {
            try await store.saveDiagnosis(Fixtures.diagnosis("d1", incident: ghost))
        }
        #expect(unknown?.reason == .constraint)

        let incident = Fixtures.identity()
        _ = try await store.attach(alertIDs: [], to: incident)
        try await store.saveDiagnosis(Fixtures.diagnosis("d1", incident: incident))
        let duplicate = await #expect(throws: StoreError.self) {
            try await store.saveDiagnosis(Fixtures.diagnosis("d1", incident: incident), deliveries: [
                OutboxItem(incidentID: incident.id, sink: "slack", diagnosisID: "d1", kind: .firing),
            ])
        }
        #expect(duplicate?.reason == .constraint)
        #expect(try await store.count(.outbox) == 0) // rolled back with the diagnosis
        #expect(try await store.count(.diagnoses) == 1)
    }
}
