import Foundation

/// One accepted webhook, as the store keeps it: the request body untouched, plus what it indexes.
///
/// The server builds it from the decoded Alertmanager payload; the store never parses `body`.
public struct IncomingPayload: Sendable {
    /// When the webhook arrived.
    public var receivedAt: Date
    /// Alertmanager's group key.
    public var groupKey: String
    /// The Alertmanager receiver that sent it.
    public var receiver: String
    /// The group's status.
    public var status: FiringState
    /// The request body as received (JSON), kept for audit and replay.
    public var body: Data
    /// The alerts it carries.
    public var alerts: [IncomingAlert]

    /// Makes a payload; `receivedAt` defaults to now.
    public init(
        receivedAt: Date = Date(), groupKey: String, receiver: String, status: FiringState, body: Data,
        alerts: [IncomingAlert]
    ) {
        self.receivedAt = receivedAt
        self.groupKey = groupKey
        self.receiver = receiver
        self.status = status
        self.body = body
        self.alerts = alerts
    }
}

/// One alert of an incoming payload. Its identity is (`fingerprint`, `startsAt`): one failure occurrence.
/// Alertmanager re-sends the same occurrence on every `repeat_interval`; a new `startsAt` is a new failure.
public struct IncomingAlert: Sendable, Equatable {
    /// Alertmanager's identity of the alert (a hash of its labels).
    public var fingerprint: String
    /// The alert's own status.
    public var status: FiringState
    /// When the alert started firing.
    public var startsAt: Date
    /// When the alert ended; nil while it fires.
    public var endsAt: Date?
    /// The alert's labels; `namespace` is indexed.
    public var labels: [String: String]
    /// The alert's annotations.
    public var annotations: [String: String]
    /// Link to the expression that fired the alert.
    public var generatorURL: String

    /// Makes an alert.
    public init(
        fingerprint: String, status: FiringState, startsAt: Date, endsAt: Date? = nil,
        labels: [String: String] = [:], annotations: [String: String] = [:], generatorURL: String = ""
    ) {
        self.fingerprint = fingerprint
        self.status = status
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.labels = labels
        self.annotations = annotations
        self.generatorURL = generatorURL
    }
}
