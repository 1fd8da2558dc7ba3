import Foundation

/// Everything the diagnosis page shows: the verdict, its incident and what happened to it over time.
public struct DiagnosisDetail: Sendable, Equatable {
    /// The diagnosis asked for.
    public let diagnosis: DiagnosisRecord
    /// Its incident, as it is now.
    public let incident: IncidentRecord
    /// The incident's alerts, oldest first.
    public let alerts: [AlertRecord]
    /// Every diagnosis of the incident, oldest first (this one included).
    public let diagnoses: [DiagnosisRecord]
    /// The incident's messages, in order of arrival.
    public let outbox: [OutboxRecord]
    /// Every delivery attempt of those messages, oldest first.
    public let deliveries: [DeliveryRecord]

    /// The incident's history as one list, oldest first: alerts firing and resolving, diagnoses,
    /// deliveries and the incident's own resolution.
    public var timeline: [TimelineEvent] {
        var events: [TimelineEvent] = []
        for alert in alerts {
            events.append(TimelineEvent(at: alert.startsAt, kind: .alertFiring, subject: alert.fingerprint))
            if let endsAt = alert.endsAt, alert.status == .resolved {
                events.append(TimelineEvent(at: endsAt, kind: .alertResolved, subject: alert.fingerprint))
            }
        }
        for diagnosis in diagnoses {
            events.append(TimelineEvent(
                at: diagnosis.createdAt, kind: .diagnosed, subject: diagnosis.id,
                detail: "\(diagnosis.category)/\(diagnosis.reason)"))
        }
        let sinks = Dictionary(uniqueKeysWithValues: outbox.map { ($0.id, $0.sink) })
        for delivery in deliveries {
            let status = delivery.httpStatus.map { " HTTP \($0)" } ?? ""
            events.append(TimelineEvent(
                at: delivery.at, kind: .delivery, subject: sinks[delivery.outboxID] ?? "",
                detail: delivery.result.rawValue + status + (delivery.error.map { ": \($0)" } ?? "")))
        }
        if incident.status == .resolved, let resolvedAt = incident.resolvedAt {
            events.append(TimelineEvent(at: resolvedAt, kind: .incidentResolved, subject: incident.id))
        }
        // Stable: equal times keep the order above (alerts, diagnoses, deliveries, resolution).
        return events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}

/// One moment of an incident's history.
public struct TimelineEvent: Sendable, Equatable {
    /// What happened.
    public enum Kind: String, Sendable, CaseIterable {
        case alertFiring = "alert_firing"
        case alertResolved = "alert_resolved"
        case diagnosed
        case delivery
        case incidentResolved = "incident_resolved"
    }

    /// When it happened.
    public let at: Date
    /// What happened.
    public let kind: Kind
    /// What it is about: an alert fingerprint, a diagnosis id, a sink name, the incident id.
    public let subject: String
    /// A short description (the category and reason, the delivery result).
    public let detail: String?

    /// Makes an event.
    public init(at: Date, kind: Kind, subject: String, detail: String? = nil) {
        self.at = at
        self.kind = kind
        self.subject = subject
        self.detail = detail
    }
}
