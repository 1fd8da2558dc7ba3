import Foundation

/// What committing one webhook changed: which of its alerts are new failures, re-sends or resolutions.
public struct AcceptResult: Sendable, Equatable {
    /// The stored payload's id.
    public let payloadID: Int64
    /// One entry per alert of the payload, in the payload's order.
    public let alerts: [AcceptedAlert]
    /// Incidents that were firing and whose last firing alert this payload resolved: the caller decides
    /// whether to resolve them (`Store.resolveIncident`).
    public let quietIncidents: [String]

    /// The alerts seen for the first time while firing: these need a diagnosis.
    public var newAlerts: [AcceptedAlert] { alerts.filter { $0.outcome == .new } }
}

/// One alert of an accepted payload, and what it meant.
public struct AcceptedAlert: Sendable, Equatable {
    /// What an alert meant for the store.
    public enum Outcome: String, Sendable, CaseIterable {
        /// A failure occurrence not seen before, firing.
        case new
        /// An occurrence already stored, sent again (Alertmanager's `repeat_interval`, or a second
        /// receiver); counted in `resentCount`, not a new failure.
        case resent
        /// The occurrence ended: it was firing (or unknown) and arrives resolved.
        case resolved
    }

    /// The stored alert's id.
    public let alertID: Int64
    /// The alert's fingerprint.
    public let fingerprint: String
    /// The alert's start, as stored (whole milliseconds).
    public let startsAt: Date
    /// What the alert meant.
    public let outcome: Outcome
    /// The incident the alert was attached to before this payload, if any.
    public let incidentID: String?
    /// Whether the alert already has its diagnosis.
    public let diagnosed: Bool
}
