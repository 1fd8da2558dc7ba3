import Alerting
import Diagnosis
import Foundation

/// What an outbox row carries: everything needed to rebuild the notification after a restart, so a
/// delivery never depends on state held in memory.
public struct OutboxEnvelope: Codable, Sendable {
    struct StoredAlert: Codable, Sendable {
        var status: String
        var labels: [String: String]
        var annotations: [String: String]
        var startsAt: Date
        var endsAt: Date?
        var generatorURL: String
        var fingerprint: String
    }

    var status: String
    var alerts: [StoredAlert]
    var diagnosis: DiagnosisReport?
    var diagnosisURL: String?
    var receiver: String
    var groupKey: String
    var externalURL: String

    public init(_ notification: IncidentNotification) {
        status = notification.status.rawValue
        alerts = notification.alerts.map {
            StoredAlert(status: $0.status.rawValue, labels: $0.labels, annotations: $0.annotations, startsAt: $0.startsAt,
                        endsAt: $0.endsAt, generatorURL: $0.generatorURL, fingerprint: $0.fingerprint)
        }
        diagnosis = notification.diagnosis
        diagnosisURL = notification.diagnosisURL
        receiver = notification.group.receiver
        groupKey = notification.group.groupKey
        externalURL = notification.group.externalURL
    }

    /// The notification, with the outbox row's idempotency key.
    public func notification(idempotencyKey: String) -> IncidentNotification {
        IncidentNotification(
            status: AlertStatus(rawValue: status) ?? .firing,
            alerts: alerts.map {
                Alert(status: AlertStatus(rawValue: $0.status) ?? .firing, labels: $0.labels, annotations: $0.annotations,
                      startsAt: $0.startsAt, endsAt: $0.endsAt, generatorURL: $0.generatorURL, fingerprint: $0.fingerprint)
            },
            diagnosis: diagnosis, idempotencyKey: idempotencyKey, diagnosisURL: diagnosisURL,
            group: AlertGroup(receiver: receiver, groupKey: groupKey, externalURL: externalURL))
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(self)) ?? Data()
    }

    public static func decode(_ data: Data) -> OutboxEnvelope? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(OutboxEnvelope.self, from: data)
    }
}
