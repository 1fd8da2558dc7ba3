import Foundation
import GRDB

/// A stored incident: one failing (namespace, owner, image) over time, with its latest verdict.
public struct IncidentRecord: Sendable, Equatable {
    public let id: String
    public let namespace: String
    public let ownerKind: String
    public let ownerName: String
    public let image: String
    public let status: FiringState
    /// Starts at 1 and goes up each time a resolved incident fires again; part of every outbox
    /// idempotency key, so a second episode is notified again even with the same diagnosis.
    public let episode: Int
    public let firstSeen: Date
    public let lastSeen: Date
    public let resolvedAt: Date?
    /// The latest diagnosis, if any.
    public let currentDiagnosisID: String?
    /// The latest diagnosis' category and reason, copied here so lists can filter on them.
    public let category: String?
    public let reason: String?

    /// Reads a row of `incidents`.
    init(row: Row) {
        id = row["id"]
        namespace = row["namespace"]
        ownerKind = row["owner_kind"]
        ownerName = row["owner_name"]
        image = row["image"]
        status = FiringState(rawValue: row["status"]) ?? .firing
        episode = row["episode"]
        firstSeen = Date(storeMillis: row["first_seen"])
        lastSeen = Date(storeMillis: row["last_seen"])
        resolvedAt = (row["resolved_at"] as Int64?).map(Date.init(storeMillis:))
        currentDiagnosisID = row["current_diagnosis_id"]
        category = row["category"]
        reason = row["reason"]
    }

    /// Fetches one incident.
    static func fetch(id: String, in db: Database) throws -> IncidentRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM incidents WHERE id = ?", arguments: [id]).map(IncidentRecord.init)
    }
}
