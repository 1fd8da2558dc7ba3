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
    /// The incident the message is about.
    public let incidentID: String
    /// The sink's configured name.
    public let sink: String
    /// The diagnosis the message carries (nil once that diagnosis was pruned).
    public let diagnosisID: String?
    /// `firing` (the diagnosis) or `resolved` (the all-clear).
    public let kind: FiringState
    /// One message per (incident episode, sink, diagnosis, kind); senders may pass it on.
    public let idempotencyKey: String
    /// The rendered message, or nil when the sender renders at delivery.
    public let body: Data?
    /// When it was enqueued.
    public let createdAt: Date
    /// Attempts started so far (a claim counts as one).
    public let attempts: Int
    /// Not claimable before this time.
    public let nextAttemptAt: Date
    /// When a worker last claimed it; nil once the attempt's outcome is recorded.
    public let claimedAt: Date?
    /// The latest failed attempt's error.
    public let lastError: String?
    /// Where the message stands.
    public let status: Status
    /// When a sink accepted it.
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
