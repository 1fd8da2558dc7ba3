import Foundation
import GRDB

/// A stored alert occurrence (fingerprint + startsAt), with what the store learnt about it since.
public struct AlertRecord: Sendable, Equatable {
    public let id: Int64
    public let fingerprint: String
    public let startsAt: Date
    public let status: FiringState
    public let endsAt: Date?
    public let labels: [String: String]
    public let annotations: [String: String]
    public let generatorURL: String
    /// The payload that first brought it (nil once that payload was pruned).
    public let payloadID: Int64?
    public let firstSeen: Date
    public let lastSeen: Date
    /// How many times Alertmanager sent the same occurrence again.
    public let resentCount: Int
    public let incidentID: String?
    /// Whether the diagnosis worker is done with it.
    public let diagnosed: Bool
    public let diagnosisID: String?

    /// Reads a row of `alerts`. Label maps the store wrote itself always decode; a hand-edited row that
    /// does not reads as empty rather than failing a whole page.
    init(row: Row) {
        id = row["id"]
        fingerprint = row["fingerprint"]
        startsAt = Date(storeMillis: row["starts_at"])
        status = FiringState(rawValue: row["status"]) ?? .firing
        endsAt = (row["ends_at"] as Int64?).map(Date.init(storeMillis:))
        labels = Self.decodeMap(row["labels"])
        annotations = Self.decodeMap(row["annotations"])
        generatorURL = row["generator_url"]
        payloadID = row["payload_id"]
        firstSeen = Date(storeMillis: row["first_seen"])
        lastSeen = Date(storeMillis: row["last_seen"])
        resentCount = row["resent_count"]
        incidentID = row["incident_id"]
        diagnosed = row["diagnosed"]
        diagnosisID = row["diagnosis_id"]
    }

    private static func decodeMap(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
