import Alerting
import Foundation

/// One element of the JSON array Alertmanager's `POST /api/v2/alerts` takes (`postableAlert` in its
/// OpenAPI spec): labels, annotations, startsAt, endsAt, generatorURL.
struct PostableAlert: Encodable, Equatable {
    var labels: [String: String]
    var annotations: [String: String]
    var startsAt: String
    var endsAt: String
    var generatorURL: String?

    /// The annotation that carries the delivery's idempotency key (also the `Idempotency-Key` header).
    static let idempotencyAnnotation = "pulldoctor_idempotency_key"

    /// The enriched copies of a notification's alerts.
    ///
    /// Labels: the original ones, plus `pulldoctor_category` and the ``LoopGuard`` label (so the copy is a
    /// distinct alert in Alertmanager and is never diagnosed again). Annotations: the original ones plus
    /// the diagnosis. `endsAt`: for a firing incident `now + keepAlive`, so the copy resolves by itself only
    /// if PullDoctor stops refreshing it; for a resolved one, `now`.
    static func enriched(_ notification: IncidentNotification, now: Date, keepAlive: Duration) -> [PostableAlert] {
        var added = DiagnosisAnnotations.annotations(for: notification)
        added[idempotencyAnnotation] = notification.idempotencyKey
        let category = added[DiagnosisAnnotations.category] ?? DiagnosisAnnotations.undiagnosedCategory
        let endsAt: Date
        if notification.status == .firing {
            endsAt = now.addingTimeInterval(keepAlive.seconds)
        } else {
            endsAt = now
        }
        return notification.alerts.map { alert in
            var labels = alert.labels
            labels[DiagnosisAnnotations.category] = category
            labels[LoopGuard.label] = LoopGuard.value
            return PostableAlert(
                labels: labels,
                annotations: DiagnosisAnnotations.merged(alert.annotations, with: added),
                // startsAt must not be after endsAt, or Alertmanager rejects the alert.
                startsAt: AlertTime.format(min(alert.startsAt, endsAt)),
                endsAt: AlertTime.format(endsAt),
                generatorURL: alert.generatorURL.isEmpty ? nil : alert.generatorURL)
        }
    }
}
