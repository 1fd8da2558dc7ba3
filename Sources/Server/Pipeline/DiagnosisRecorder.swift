import Alerting
import Config
import Diagnosis
import Foundation
import Logging
import Notify
import Store
import Telemetry

/// Where the worker's diagnoses go: the incident and its diagnosis are saved, and — in the same
/// transaction — one outbox row per sink whose route matches, so a notification is never lost between
/// "diagnosed" and "queued". An unchanged diagnosis (same category and reason) is not sent again.
struct DiagnosisRecorder: Sendable {
    let store: Store
    let ids: AlertIDs
    let sinks: [SinkConfig]
    let externalURL: String
    let metrics: PullDoctorMetrics
    let logger: Logger
    let serializer = KeyedSerializer()

    /// Records one diagnosis; calls for the same incident run one after another, so the first saves the
    /// diagnosis and queues its notifications and the others only join it.
    func record(_ report: DiagnosisReport, alerts: [Alert]) async {
        await serializer.run(report.incident.id) { await recordNow(report, alerts: alerts) }
    }

    private func recordNow(_ report: DiagnosisReport, alerts: [Alert]) async {
        let alertIDs = ids.take(alerts)
        do {
            if alerts.allSatisfy({ $0.status == .resolved }) {
                try await resolve(report, alerts: alerts, alertIDs: alertIDs)
                return
            }
            guard report.verdict == .imagePull else {
                try await store.markDiagnosed(alertIDs: alertIDs)
                return
            }
            let identity = IncidentIdentity(id: report.incident.id, namespace: report.incident.namespace,
                                            ownerKind: report.incident.ownerKind, ownerName: report.incident.ownerName,
                                            image: report.incident.image)
            let attachment = try await store.attach(alertIDs: alertIDs, to: identity)
            let incident = attachment.incident
            if let current = incident.currentDiagnosisID, attachment.change != .reopened,
               current == report.id || (incident.category == report.category.rawValue && incident.reason == report.reason.rawValue),
               try await !completes(partial: current, with: report) {
                // Same cause: nothing new to say.
                try await store.markDiagnosed(alertIDs: alertIDs, diagnosisID: current)
                return
            }
            let notification = self.notification(report, alerts: alerts, status: .firing)
            let items = sinks.filter { $0.route.matches(notification) }.map {
                OutboxItem(incidentID: identity.id, sink: $0.name, diagnosisID: report.id, kind: .firing,
                           body: OutboxEnvelope(notification).encoded())
            }
            try await store.saveDiagnosis(
                DiagnosisRecord(id: report.id, incidentID: identity.id, createdAt: report.createdAt, category: report.category.rawValue,
                                reason: report.reason.rawValue, confidence: report.confidence.rawValue, partial: report.partial,
                                body: report.json(pretty: false)),
                alertIDs: alertIDs, deliveries: items)
        } catch {
            metrics.storeErrors(reason: error.reason.rawValue).increment()
            logger.error("could not record a diagnosis; the alerts stay undiagnosed for the next sweep", metadata: ["error": "\(error)"])
        }
    }

    /// Whether `report` is a complete diagnosis replacing `current`, a partial one (a read or the probe missed
    /// the deadline then): the catch-up after a fault is sent even when the cause is the same.
    private func completes(partial current: String, with report: DiagnosisReport) async throws(StoreError) -> Bool {
        guard current != report.id, !report.partial else { return false }
        return try await store.diagnosis(id: current)?.partial == true
    }

    private func resolve(_ report: DiagnosisReport, alerts: [Alert], alertIDs: [Int64]) async throws(StoreError) {
        try await store.markDiagnosed(alertIDs: alertIDs)
        guard report.verdict == .imagePull, report.affected.isEmpty else { return }  // pods still failing
        let notification = self.notification(report, alerts: alerts, status: .resolved)
        // Only sinks that were told the incident fires hear that it resolved (as Alertmanager does): not a
        // sink whose matchers excluded the firing diagnosis, nor one whose firing message was dead-lettered.
        let told = try await store.sinksToldFiring(incidentID: report.incident.id)
        let items = sinks.filter { told.contains($0.name) && $0.sendResolved }.map {
            OutboxItem(incidentID: report.incident.id, sink: $0.name, diagnosisID: report.id, kind: .resolved,
                       body: OutboxEnvelope(notification).encoded())
        }
        try await store.resolveIncident(id: report.incident.id, deliveries: items)
    }

    private func notification(_ report: DiagnosisReport, alerts: [Alert], status: AlertStatus) -> IncidentNotification {
        let base = externalURL.hasSuffix("/") ? String(externalURL.dropLast()) : externalURL
        return IncidentNotification(status: status, alerts: alerts, diagnosis: report, idempotencyKey: "",
                                    diagnosisURL: base.isEmpty ? nil : "\(base)/diagnoses/\(report.id)")
    }
}
