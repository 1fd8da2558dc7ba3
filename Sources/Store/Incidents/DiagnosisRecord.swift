import Foundation
import GRDB

/// A stored diagnosis: the indexed verdict plus the full report as JSON (the caller's encoding).
public struct DiagnosisRecord: Sendable, Equatable {
    /// The report's id (`/diagnoses/{id}`).
    public var id: String
    /// The incident it is about (must exist when saved).
    public var incidentID: String
    /// When the diagnosis was made.
    public var createdAt: Date
    /// The category word (`registry_auth`, `image_not_found`, ...).
    public var category: String
    /// The reason refining the category.
    public var reason: String
    /// How sure (`high`, `medium`, `low`).
    public var confidence: String
    /// True when the per-alert deadline cut the investigation short.
    public var partial: Bool
    /// The full report as JSON.
    public var body: Data

    /// Makes a record to save.
    public init(
        id: String, incidentID: String, createdAt: Date, category: String, reason: String, confidence: String,
        partial: Bool, body: Data
    ) {
        self.id = id
        self.incidentID = incidentID
        self.createdAt = createdAt
        self.category = category
        self.reason = reason
        self.confidence = confidence
        self.partial = partial
        self.body = body
    }

    /// Reads a row of `diagnoses`.
    init(row: Row) {
        id = row["id"]
        incidentID = row["incident_id"]
        createdAt = Date(storeMillis: row["created_at"])
        category = row["category"]
        reason = row["reason"]
        confidence = row["confidence"]
        partial = row["partial"]
        body = row["body"]
    }

    /// Inserts this diagnosis.
    func insert(in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO diagnoses (id, incident_id, created_at, category, reason, confidence, partial, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, incidentID, createdAt.storeMillis, category, reason, confidence, partial, body])
    }
}
