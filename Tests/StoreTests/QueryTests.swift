import Foundation
import Testing
@testable import Store

@Suite("Listing incidents and reading a diagnosis")
struct QueryTests {
    /// Three incidents: web (shop, firing, image_not_found), api (shop, resolved, registry_auth),
    /// worker (jobs, firing, undiagnosed), with activity in that order.
    private func seed(_ store: Store) async throws {
        let t0 = Fixtures.t0
        for (index, (owner, namespace)) in [("web", "shop"), ("api", "shop"), ("worker", "jobs")].enumerated() {
            let at = t0.addingTimeInterval(Double(index) * 60)
            let accepted = try await store.accept(payload: Fixtures.payload(
                [Fixtures.alert(owner, namespace: namespace, pod: "\(owner)-1")], at: at))
            let identity = Fixtures.identity(owner, namespace: namespace, image: "registry.example.com/\(owner):v1")
            _ = try await store.attach(alertIDs: accepted.alerts.map(\.alertID), to: identity, at: at)
            if owner == "web" {
                try await store.saveDiagnosis(Fixtures.diagnosis("d-web", incident: identity, at: at))
            } else if owner == "api" {
                try await store.saveDiagnosis(Fixtures.diagnosis(
                    "d-api", incident: identity, at: at, category: "registry_auth", reason: "unauthorized"))
                try await store.resolveIncident(id: identity.id, at: at.addingTimeInterval(10))
            }
        }
    }

    @Test("Filters by status, category, namespace and text; pages with a total")
    func filters() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try await seed(store)

        let all = try await store.listIncidents()
        #expect(all.total == 3)
        #expect(all.incidents.map(\.ownerName) == ["worker", "api", "web"]) // most recent activity first
        #expect(try await store.listIncidents(IncidentQuery(status: .firing)).incidents.map(\.ownerName)
                == ["worker", "web"])
        #expect(try await store.listIncidents(IncidentQuery(category: "registry_auth")).incidents.map(\.ownerName)
                == ["api"])
        #expect(try await store.listIncidents(IncidentQuery(namespace: "jobs")).incidents.map(\.ownerName)
                == ["worker"])
        #expect(try await store.listIncidents(IncidentQuery(search: "REGISTRY.example.com/web")).incidents
                .map(\.ownerName) == ["web"])
        #expect(try await store.listIncidents(IncidentQuery(search: "unauthor")).incidents.map(\.ownerName)
                == ["api"])
        #expect(try await store.listIncidents(IncidentQuery(search: "%")).total == 0) // no wildcard
        #expect(try await store.listIncidents(IncidentQuery(status: .firing, namespace: "shop")).total == 1)

        let page2 = try await store.listIncidents(IncidentQuery(limit: 2, offset: 2))
        #expect(page2.total == 3)
        #expect(page2.incidents.map(\.ownerName) == ["web"])
    }

    @Test("A diagnosis comes with its incident, alerts, messages, attempts and a timeline")
    func detail() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let t0 = Fixtures.t0
        let incident = Fixtures.identity()
        let accepted = try await store.accept(payload: Fixtures.payload([Fixtures.alert("a1")]))
        _ = try await store.attach(alertIDs: [accepted.alerts[0].alertID], to: incident, at: t0)
        try await store.saveDiagnosis(
            Fixtures.diagnosis("d1", incident: incident, at: t0.addingTimeInterval(1)),
            alertIDs: [accepted.alerts[0].alertID],
            deliveries: [OutboxItem(incidentID: incident.id, sink: "slack", diagnosisID: "d1", kind: .firing)])
        let claimed = try await store.claimDue(sink: "slack", limit: 1, now: t0.addingTimeInterval(2))
        try await store.markFailed(
            outboxID: claimed[0].id, attempt: DeliveryAttempt(at: t0.addingTimeInterval(3), httpStatus: 503),
            retryAt: t0.addingTimeInterval(10))
        _ = try await store.claimDue(sink: "slack", limit: 1, now: t0.addingTimeInterval(10))
        try await store.markDelivered(
            outboxID: claimed[0].id, attempt: DeliveryAttempt(at: t0.addingTimeInterval(11), httpStatus: 200))
        _ = try await store.accept(payload: Fixtures.payload(
            [Fixtures.alert("a1", status: .resolved, endsAt: t0.addingTimeInterval(20))]))
        try await store.resolveIncident(id: incident.id, at: t0.addingTimeInterval(21))

        #expect(try await store.diagnosisDetail(id: "missing") == nil)
        let detail = try #require(try await store.diagnosisDetail(id: "d1"))
        #expect(detail.incident.id == incident.id)
        #expect(detail.alerts.map(\.fingerprint) == ["a1"])
        #expect(detail.diagnoses.map(\.id) == ["d1"])
        #expect(detail.outbox.map(\.status) == [.delivered])
        #expect(detail.deliveries.map(\.result) == [.retry, .delivered])
        #expect(detail.deliveries.map(\.httpStatus) == [503, 200])
        #expect(detail.timeline.map(\.kind) == [
            .alertFiring, .diagnosed, .delivery, .delivery, .alertResolved, .incidentResolved,
        ])
        #expect(detail.timeline[2].subject == "slack")
        #expect(detail.timeline[2].detail == "retry HTTP 503")
    }
}
