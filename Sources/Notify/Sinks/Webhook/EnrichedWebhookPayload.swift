import Alerting
import Diagnosis
import Foundation

/// Alertmanager's webhook body (version "4"), field for field and type for type, with the diagnosis
/// added: `pulldoctor_*` annotations on every alert, and two new top-level fields, `diagnoses` (the
/// documented DiagnosisReport JSON) and `idempotencyKey`. A consumer written for Alertmanager reads it
/// unchanged, since JSON consumers ignore fields they do not know.
///
/// See https://prometheus.io/docs/alerting/latest/configuration/#webhook_config.
struct EnrichedWebhookPayload: Encodable {
    var version = "4"
    var groupKey: String
    var truncatedAlerts: Int
    var status: String
    var receiver: String
    var groupLabels: [String: String]
    var commonLabels: [String: String]
    var commonAnnotations: [String: String]
    var externalURL: String
    var alerts: [WireAlert]
    /// The diagnoses of the incident (one today; a list so a grouped notification can carry several).
    var diagnoses: [DiagnosisReport]
    /// The same key as the `Idempotency-Key` header.
    var idempotencyKey: String

    /// One alert as Alertmanager writes it: RFC 3339 times, and Go's zero time as `endsAt` while firing.
    struct WireAlert: Encodable {
        var status: String
        var labels: [String: String]
        var annotations: [String: String]
        var startsAt: String
        var endsAt: String
        var generatorURL: String
        var fingerprint: String
    }

    init(_ notification: IncidentNotification) {
        let added = DiagnosisAnnotations.annotations(for: notification)
        alerts = notification.alerts.map { alert in
            WireAlert(
                status: alert.status.rawValue, labels: alert.labels,
                annotations: DiagnosisAnnotations.merged(alert.annotations, with: added),
                startsAt: AlertTime.format(alert.startsAt), endsAt: AlertTime.format(alert.endsAt),
                generatorURL: alert.generatorURL, fingerprint: alert.fingerprint)
        }
        let group = notification.group
        groupKey = group.groupKey
        truncatedAlerts = group.truncatedAlerts
        status = notification.status.rawValue
        receiver = group.receiver
        groupLabels = group.groupLabels
        commonLabels = group.commonLabels
        // Alertmanager's rule: the annotations every alert shares, now including the diagnosis's.
        commonAnnotations = Self.common(alerts.map(\.annotations))
        externalURL = group.externalURL
        diagnoses = notification.diagnosis.map { [$0] } ?? []
        idempotencyKey = notification.idempotencyKey
    }

    /// Pairs present with the same value in every map; empty for no maps.
    static func common(_ maps: [[String: String]]) -> [String: String] {
        guard var out = maps.first else { return [:] }
        for map in maps.dropFirst() {
            out = out.filter { map[$0.key] == $0.value }
        }
        return out
    }
}

/// Alert timestamps as Alertmanager writes them.
enum AlertTime {
    /// Go's zero time, which Alertmanager sends as `endsAt` of an alert that has not ended.
    static let zero = "0001-01-01T00:00:00Z"

    /// RFC 3339 with milliseconds, UTC; the zero time for nil.
    static func format(_ date: Date?) -> String {
        guard let date else { return zero }
        return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
