import Alerting
import Diagnosis
import Foundation

/// Whether one notification goes to one sink now: does it match the sink's matchers, does the sink want
/// resolved notifications, and has enough changed since the last delivery to this sink.
///
/// Pure: the delivery worker passes the last delivery it recorded for (incident, sink) and the time.
public struct SinkRoute: Sendable, Equatable {
    /// The sink's name (for logs and the outbox row).
    public var sink: String
    /// All must match, against the labels of ``routingLabels(_:_:)``; none means every notification.
    public var matchers: [Matcher]
    /// Send a notification when the incident resolves. Default true.
    public var sendResolved: Bool
    /// Send the same diagnosis again after this long while the incident still fires. Default 4h.
    public var renotifyInterval: Duration

    public init(sink: String, matchers: [Matcher] = [], sendResolved: Bool = true, renotifyInterval: Duration = .seconds(4 * 3600)) {
        self.sink = sink
        self.matchers = matchers
        self.sendResolved = sendResolved
        self.renotifyInterval = renotifyInterval
    }

    /// What was last delivered to this sink for this incident.
    public struct LastDelivery: Sendable, Equatable {
        public var fingerprint: DiagnosisFingerprint
        public var status: AlertStatus
        public var deliveredAt: Date

        public init(fingerprint: DiagnosisFingerprint, status: AlertStatus, deliveredAt: Date) {
            self.fingerprint = fingerprint
            self.status = status
            self.deliveredAt = deliveredAt
        }
    }

    /// The routing verdict.
    public enum Decision: Sendable, Equatable {
        case send(SendReason)
        case skip(SkipReason)

        /// Whether to send.
        public var sends: Bool { if case .send = self { true } else { false } }
    }

    /// Why a notification is sent.
    public enum SendReason: String, Sendable, CaseIterable {
        /// Nothing was delivered to this sink for the incident yet.
        case first
        /// The diagnosis (category, reason or summary) differs from the last one delivered.
        case diagnosisChanged = "diagnosis_changed"
        /// The incident fires again after a resolved notification.
        case firingAgain = "firing_again"
        /// Unchanged, but the re-notify interval has passed.
        case renotify
        /// The incident resolved.
        case resolved
    }

    /// Why a notification is not sent.
    public enum SkipReason: Sendable, Equatable {
        /// The matchers exclude it.
        case notMatched
        /// Resolved, and the sink has `send_resolved: false`.
        case resolvedNotWanted
        /// Resolved, but nothing was ever delivered to this sink for it (as Alertmanager does).
        case resolvedNeverNotified
        /// Resolved, and the resolution was delivered already.
        case alreadyResolved
        /// Same diagnosis as the last delivery; due again at `nextDue`.
        case unchanged(nextDue: Date)
    }

    /// Decides for `notification`, given the `last` delivery recorded for (incident, this sink).
    public func decide(_ notification: IncidentNotification, last: LastDelivery?, now: Date) -> Decision {
        guard matches(notification) else { return .skip(.notMatched) }
        if notification.status == .resolved {
            guard sendResolved else { return .skip(.resolvedNotWanted) }
            guard let last else { return .skip(.resolvedNeverNotified) }
            return last.status == .resolved ? .skip(.alreadyResolved) : .send(.resolved)
        }
        guard let last else { return .send(.first) }
        if last.status == .resolved { return .send(.firingAgain) }
        if last.fingerprint != DiagnosisFingerprint(notification.diagnosis) { return .send(.diagnosisChanged) }
        let due = last.deliveredAt.addingTimeInterval(renotifyInterval.seconds)
        return now >= due ? .send(.renotify) : .skip(.unchanged(nextDue: due))
    }

    /// Whether any of the notification's alerts satisfies every matcher.
    public func matches(_ notification: IncidentNotification) -> Bool {
        guard !matchers.isEmpty else { return true }
        return notification.alerts.contains { Matcher.all(matchers, match: Self.routingLabels($0, notification)) }
    }

    /// The labels matchers see: the alert's labels plus the diagnosis's `category`, `reason` and
    /// `namespace` (also as `pulldoctor_category` and `pulldoctor_reason`, the names the forwarded alerts
    /// carry). Where an alert label has one of those names (kube-state-metrics alerts carry `reason`, the
    /// kubelet's waiting reason), the diagnosis wins and the alert's value stays reachable as `alert_<name>`.
    /// Without a diagnosis, `category` is `unknown` and the alert's own labels are left as they are.
    public static func routingLabels(_ alert: Alert, _ notification: IncidentNotification) -> [String: String] {
        var labels = alert.labels
        var derived: [String: String] = [:]
        if let report = notification.diagnosis {
            derived["category"] = report.category.rawValue
            derived["reason"] = report.reason.rawValue
            if !report.incident.namespace.isEmpty { derived["namespace"] = report.incident.namespace }
        } else {
            derived["category"] = DiagnosisAnnotations.undiagnosedCategory
        }
        for (name, value) in derived {
            if let original = labels[name], original != value { labels["alert_" + name] = original }
            labels[name] = value
        }
        labels[DiagnosisAnnotations.category] = derived["category"]
        labels[DiagnosisAnnotations.reason] = derived["reason"]
        return labels
    }
}
