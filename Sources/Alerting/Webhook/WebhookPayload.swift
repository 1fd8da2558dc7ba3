#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The body Alertmanager POSTs to a webhook receiver (payload version "4").
///
/// See https://prometheus.io/docs/alerting/latest/configuration/#webhook_config.
public struct WebhookPayload: Sendable, Equatable {
    /// Payload version; PullDoctor accepts "4", the only version Alertmanager sends.
    public var version: String
    /// Key identifying the alert group in Alertmanager (its route and group labels).
    public var groupKey: String
    /// How many alerts Alertmanager left out because of the receiver's `max_alerts`.
    public var truncatedAlerts: Int
    /// `firing` when at least one alert fires, else `resolved`.
    public var status: AlertStatus
    /// Name of the Alertmanager receiver that sent this.
    public var receiver: String
    public var groupLabels: [String: String]
    public var commonLabels: [String: String]
    public var commonAnnotations: [String: String]
    /// Alertmanager's external URL (for links back to it).
    public var externalURL: String
    public var alerts: [Alert]

    public init(
        version: String = "4", groupKey: String = "", truncatedAlerts: Int = 0, status: AlertStatus,
        receiver: String = "", groupLabels: [String: String] = [:], commonLabels: [String: String] = [:],
        commonAnnotations: [String: String] = [:], externalURL: String = "", alerts: [Alert]
    ) {
        self.version = version
        self.groupKey = groupKey
        self.truncatedAlerts = truncatedAlerts
        self.status = status
        self.receiver = receiver
        self.groupLabels = groupLabels
        self.commonLabels = commonLabels
        self.commonAnnotations = commonAnnotations
        self.externalURL = externalURL
        self.alerts = alerts
    }
}

/// Whether an alert (or a group) fires or has resolved.
public enum AlertStatus: String, Sendable, Codable, CaseIterable {
    case firing
    case resolved
}

/// One alert of a webhook payload.
public struct Alert: Sendable, Equatable {
    public var status: AlertStatus
    public var labels: [String: String]
    public var annotations: [String: String]
    /// When the alert started firing.
    public var startsAt: Date
    /// When the alert ended; nil while it fires (Alertmanager sends Go's zero time `0001-01-01T00:00:00Z`).
    public var endsAt: Date?
    /// Link to the expression that fired the alert in Prometheus.
    public var generatorURL: String
    /// Alertmanager's identity of the alert (a hash of its labels).
    public var fingerprint: String

    public init(
        status: AlertStatus, labels: [String: String], annotations: [String: String] = [:], startsAt: Date,
        endsAt: Date? = nil, generatorURL: String = "", fingerprint: String
    ) {
        self.status = status
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.generatorURL = generatorURL
        self.fingerprint = fingerprint
    }
}
