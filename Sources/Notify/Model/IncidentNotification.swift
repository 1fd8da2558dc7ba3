import Alerting
import Diagnosis
import Foundation

/// Everything a sink needs to tell people about one incident: the original alerts, whether the incident
/// fires or has resolved, and the diagnosis when there is one.
///
/// Named `IncidentNotification` rather than `Notification` so that files importing both Foundation and
/// Notify never meet an ambiguous type name (`Foundation.Notification`).
public struct IncidentNotification: Sendable, Equatable {
    /// `firing` while any alert of the incident fires, else `resolved`.
    public var status: AlertStatus
    /// The incident's alerts as Alertmanager sent them (labels, annotations, times, fingerprint,
    /// generator URL), unchanged.
    public var alerts: [Alert]
    /// The verdict. It may be `partial` (the per-alert deadline cut the investigation short) or absent
    /// (the diagnosis missed its deadline entirely): the notification goes out either way.
    public var diagnosis: DiagnosisReport?
    /// A key that stays the same for every attempt of one delivery, so a receiver can drop duplicates
    /// (sent as `Idempotency-Key` and in the webhook body).
    public var idempotencyKey: String
    /// The diagnosis page, `{external_url}/diagnoses/{id}` (see ``DiagnosisLink``); nil when there is no
    /// page to link to.
    public var diagnosisURL: String?
    /// Receiver and grouping of the Alertmanager notification the alerts came in.
    public var group: AlertGroup

    public init(
        status: AlertStatus, alerts: [Alert], diagnosis: DiagnosisReport?, idempotencyKey: String,
        diagnosisURL: String?, group: AlertGroup = AlertGroup()
    ) {
        self.status = status
        self.alerts = alerts
        self.diagnosis = diagnosis
        self.idempotencyKey = idempotencyKey
        self.diagnosisURL = diagnosisURL
        self.group = group
    }

    /// The namespace of the incident: the diagnosis's, else the first alert's `namespace` label.
    public var namespace: String? {
        if let namespace = diagnosis?.incident.namespace, !namespace.isEmpty { return namespace }
        return alerts.lazy.compactMap { $0.labels["namespace"] }.first
    }
}

/// The grouping fields of the Alertmanager webhook that carried an incident's alerts. Forwarded as they
/// came so that a downstream consumer sees the same receiver and group.
public struct AlertGroup: Sendable, Equatable {
    /// The Alertmanager receiver that sent the original notification.
    public var receiver: String
    /// Alertmanager's key of the alert group.
    public var groupKey: String
    public var groupLabels: [String: String]
    public var commonLabels: [String: String]
    public var commonAnnotations: [String: String]
    /// Alertmanager's external URL (links back to it).
    public var externalURL: String
    /// Alerts Alertmanager left out of the original notification (`max_alerts`).
    public var truncatedAlerts: Int

    public init(
        receiver: String = "", groupKey: String = "", groupLabels: [String: String] = [:],
        commonLabels: [String: String] = [:], commonAnnotations: [String: String] = [:], externalURL: String = "",
        truncatedAlerts: Int = 0
    ) {
        self.receiver = receiver
        self.groupKey = groupKey
        self.groupLabels = groupLabels
        self.commonLabels = commonLabels
        self.commonAnnotations = commonAnnotations
        self.externalURL = externalURL
        self.truncatedAlerts = truncatedAlerts
    }

    /// The grouping fields of a received webhook payload.
    public init(_ payload: WebhookPayload) {
        self.init(
            receiver: payload.receiver, groupKey: payload.groupKey, groupLabels: payload.groupLabels,
            commonLabels: payload.commonLabels, commonAnnotations: payload.commonAnnotations,
            externalURL: payload.externalURL, truncatedAlerts: payload.truncatedAlerts)
    }
}

/// Builds the link to a diagnosis page.
public enum DiagnosisLink {
    /// `{externalURL}/diagnoses/{id}`, with one slash between the parts and the id percent-encoded, so a
    /// hostile id can never add a path, query or Slack link delimiter (`|`, `>`). Nil when either part is empty.
    public static func url(externalURL: String, diagnosisID: String) -> String? {
        var base = externalURL.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        guard !base.isEmpty, !diagnosisID.isEmpty,
              let id = diagnosisID.addingPercentEncoding(withAllowedCharacters: unreserved) else { return nil }
        return base + "/diagnoses/" + id
    }

    /// RFC 3986 unreserved characters: everything else in an id is percent-encoded.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
