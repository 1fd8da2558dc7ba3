import Foundation
import GRDB

/// A stored alert occurrence (fingerprint + startsAt), with what the store learnt about it since.
public struct AlertRecord: Sendable, Equatable {
    /// The alert's row id, rising in order of arrival.
    public let id: Int64
    /// Alertmanager's identity of the alert (a hash of its labels).
    public let fingerprint: String
    /// When this occurrence started firing.
    public let startsAt: Date
    /// Firing until a resolution arrives; never fires again after.
    public let status: FiringState
    /// When it ended; nil while firing.
    public let endsAt: Date?
    /// The alert's labels.
    public let labels: [String: String]
    /// The annotations of the latest send.
    public let annotations: [String: String]
    /// Link to the expression that fired it.
    public let generatorURL: String
    /// The payload that first brought it (nil once that payload was pruned).
    public let payloadID: Int64?
    /// When the first payload carrying it arrived.
    public let firstSeen: Date
    /// When the latest payload carrying it arrived.
    public let lastSeen: Date
    /// How many times Alertmanager sent the same occurrence again.
    public let resentCount: Int
    /// The incident it belongs to, once the diagnosis worker attached it.
    public let incidentID: String?
    /// Whether the diagnosis worker is done with it.
    public let diagnosed: Bool
    /// The diagnosis that covers it, if any.
    public let diagnosisID: String?

    /// Reads a row of `alerts`.
    init(row: Row) {
        id = row["id"]
        fingerprint = row["fingerprint"]
        startsAt = Date(storeMillis: row["starts_at"])
        status = FiringState(rawValue: row["status"]) ?? .firing
        endsAt = (row["ends_at"] as Int64?).map(Date.init(storeMillis:))
        labels = StringMapJSON.decode(row["labels"])
        annotations = StringMapJSON.decode(row["annotations"])
        generatorURL = row["generator_url"]
        payloadID = row["payload_id"]
        firstSeen = Date(storeMillis: row["first_seen"])
        lastSeen = Date(storeMillis: row["last_seen"])
        resentCount = row["resent_count"]
        incidentID = row["incident_id"]
        diagnosed = row["diagnosed"]
        diagnosisID = row["diagnosis_id"]
    }
}
