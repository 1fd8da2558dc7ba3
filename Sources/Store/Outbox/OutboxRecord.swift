import Foundation
import GRDB

/// A stored outbox row: one message to one sink, and where its delivery stands.
public struct OutboxRecord: Sendable, Equatable {
    /// Where a message stands.
    public enum Status: String, Sendable, CaseIterable {
        /// Waiting for its first or next attempt (or being attempted).
        case pending
        /// A sink accepted it.
        case delivered
        /// Given up on: a permanent failure or too many attempts. Kept for the pages and for replay.
        case dead
    }

    /// Rising in order of arrival; delivery per (incident, sink) follows it.
    public let id: Int64
    public let incidentID: String
    public let sink: String
    public let diagnosisID: String?
    public let kind: FiringState
    public let idempotencyKey: String
    public let body: Data?
    public let createdAt: Date
    /// Attempts started so far (a claim counts as one).
    public let attempts: Int
    /// Not claimable before this time.
    public let nextAttemptAt: Date
    /// When a worker last claimed it; nil once the attempt's outcome is recorded.
    public let claimedAt: Date?
    public let lastError: String?
    public let status: Status
    public let deliveredAt: Date?

    /// Reads a row of `outbox`.
    init(row: Row) {
        id = row["id"]
        incidentID = row["incident_id"]
        sink = row["sink"]
        diagnosisID = row["diagnosis_id"]
        kind = FiringState(rawValue: row["kind"]) ?? .firing
        idempotencyKey = row["idempotency_key"]
        body = row["body"]
        createdAt = Date(storeMillis: row["created_at"])
        attempts = row["attempts"]
        nextAttemptAt = Date(storeMillis: row["next_attempt_at"])
        claimedAt = (row["claimed_at"] as Int64?).map(Date.init(storeMillis:))
        lastError = row["last_error"]
        status = Status(rawValue: row["status"]) ?? .pending
        deliveredAt = (row["delivered_at"] as Int64?).map(Date.init(storeMillis:))
    }
}
