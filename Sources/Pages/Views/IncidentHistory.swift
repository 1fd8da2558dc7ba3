import Foundation
import Store

/// The incident's history as the diagnosis page and its JSON show it: the store's timeline (alerts
/// firing and resolving, diagnoses, delivery attempts, resolution) plus two moments the store keeps as
/// columns rather than events: when the incident was opened, and how often Alertmanager re-sent an alert.
enum IncidentHistory {
    /// One moment. `kind` is one of `incident_opened`, `alert_firing`, `alert_resent`, `alert_resolved`,
    /// `diagnosed`, `delivery`, `incident_resolved`.
    struct Entry: Sendable, Equatable, Encodable {
        let at: Date
        let kind: String
        /// What it is about: an alert fingerprint, a diagnosis id, a sink name, the incident id.
        let subject: String
        /// A short description: `image_not_found/tag_not_found`, `delivered HTTP 200`, `re-sent 3 times`.
        let detail: String?

        /// Writes every key, `detail` as null when absent, so API clients see one fixed shape.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(at, forKey: .at)
            try container.encode(kind, forKey: .kind)
            try container.encode(subject, forKey: .subject)
            try container.encode(detail, forKey: .detail)
        }

        private enum CodingKeys: String, CodingKey { case at, kind, subject, detail }
    }

    /// The moments of `detail`'s incident, oldest first; equal times keep the order of the store's list.
    static func entries(of detail: DiagnosisDetail) -> [Entry] {
        var entries = [Entry(at: detail.incident.firstSeen, kind: "incident_opened", subject: detail.incident.id,
                             detail: nil)]
        entries += detail.timeline.map {
            Entry(at: $0.at, kind: $0.kind.rawValue, subject: $0.subject, detail: $0.detail)
        }
        for alert in detail.alerts where alert.resentCount > 0 {
            entries.append(Entry(
                at: alert.lastSeen, kind: "alert_resent", subject: alert.fingerprint,
                detail: "re-sent \(alert.resentCount) \(alert.resentCount == 1 ? "time" : "times")"))
        }
        return entries.enumerated()
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
    }

    /// A sentence for people describing `entry`.
    static func sentence(_ entry: Entry) -> String {
        switch entry.kind {
        case "incident_opened": "Incident opened"
        case "alert_firing": "Alert started firing"
        case "alert_resent": "Alertmanager sent the same alert again"
        case "alert_resolved": "Alert resolved"
        case "diagnosed": "Diagnosed"
        case "delivery": "Notification attempt to \(entry.subject)"
        case "incident_resolved": "Incident resolved"
        default: entry.kind
        }
    }

    /// The detail shown beside the sentence: the fingerprint for alert moments, the store's detail
    /// otherwise.
    static func shownDetail(_ entry: Entry) -> String {
        switch entry.kind {
        case "alert_firing", "alert_resolved": "fingerprint " + entry.subject
        case "alert_resent": "fingerprint \(entry.subject), \(entry.detail ?? "")"
        default: entry.detail ?? ""
        }
    }
}
