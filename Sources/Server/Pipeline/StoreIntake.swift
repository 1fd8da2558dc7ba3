import Alerting
import Foundation
import Logging
import Notify
import Store
import Telemetry

/// The durable intake: a webhook is answered 2xx only after its payload is committed (group commit), and
/// 503 when the store cannot commit, so Alertmanager retries. New and resolved alerts then go to the
/// diagnosis queue. A re-send of a firing alert already diagnosed goes there only when its incident was not
/// looked at within the throttle's interval, so a changed cause is found while Alertmanager's repeats stay
/// cheap. PullDoctor's own enriched alerts are stored but never diagnosed (loop guard).
struct StoreIntake: AlertIntake {
    let store: Store
    let ids: AlertIDs
    let queue: AlertQueue
    let resends: ResendThrottle
    let metrics: PullDoctorMetrics
    let logger: Logger

    func accept(_ payload: WebhookPayload, body: [UInt8]) async throws {
        let incoming = IncomingPayload(
            groupKey: payload.groupKey, receiver: payload.receiver, status: payload.status == .firing ? .firing : .resolved,
            body: Data(body),
            alerts: payload.alerts.map {
                IncomingAlert(fingerprint: $0.fingerprint, status: $0.status == .firing ? .firing : .resolved, startsAt: $0.startsAt,
                              endsAt: $0.endsAt, labels: $0.labels, annotations: $0.annotations, generatorURL: $0.generatorURL)
            })
        let result: AcceptResult
        do {
            result = try await store.accept(payload: incoming)
        } catch {
            metrics.storeErrors(reason: error.reason.rawValue).increment()
            throw error
        }
        var work: [Alert] = []
        for (alert, accepted) in zip(payload.alerts, result.alerts) {
            if LoopGuard.isEnriched(alert.labels) {
                try? await store.markDiagnosed(alertIDs: [accepted.alertID])
                continue
            }
            switch accepted.outcome {
            case .new:
                ids.remember(accepted.alertID, fingerprint: alert.fingerprint, startsAt: alert.startsAt)
                work.append(alert)
            case .resolved:
                // Not remembered: a resolution reaches the recorder only when it closes an incident, and
                // a remembered id that is never taken would stay in memory for good.
                work.append(alert)
            case .resent:
                guard alert.status == .firing, accepted.diagnosed, let incident = accepted.incidentID,
                      resends.admit(incident) else { continue }
                ids.remember(accepted.alertID, fingerprint: alert.fingerprint, startsAt: alert.startsAt)
                work.append(alert)
            }
        }
        guard !work.isEmpty else { return }
        var forward = payload
        forward.alerts = work
        // Committed already: if the queue is full, the alerts wait in the store for the resume sweep.
        if (try? await queue.accept(forward)) == nil {
            logger.warning("diagnosis queue full; alerts stay in the store until the next sweep", metadata: ["pulldoctor.alerts": "\(work.count)"])
        }
    }
}
