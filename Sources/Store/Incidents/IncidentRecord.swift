import Foundation
import GRDB

/// A stored incident: one failing (namespace, owner, image) over time, with its latest verdict.
public struct IncidentRecord: Sendable, Equatable {
    /// The incident key (`namespace/OwnerKind/owner/image`).
    public let id: String
    /// The namespace of the failing pods.
    public let namespace: String
    /// The top-level owner's kind.
    public let ownerKind: String
    /// The top-level owner's name.
    public let ownerName: String
    /// The failing image.
    public let image: String
    /// Firing until resolved; firing again opens a new episode.
    public let status: FiringState
    /// Starts at 1 and goes up each time a resolved incident fires again; part of every outbox
    /// idempotency key, so a second episode is notified again even with the same diagnosis.
    public let episode: Int
    /// When the incident was first opened (kept across episodes).
    public let firstSeen: Date
    /// The latest activity: an alert joining, or the resolution.
    public let lastSeen: Date
    /// When the current episode resolved; nil while firing.
    public let resolvedAt: Date?
    /// The latest diagnosis, if any.
    public let currentDiagnosisID: String?
    /// The latest diagnosis' category and reason, copied here so lists can filter on them.
    public let category: String?
    /// The latest diagnosis' reason.
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
