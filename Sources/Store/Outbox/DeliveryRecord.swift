import Foundation
import GRDB

/// The outcome of one delivery attempt, as the delivery worker reports it.
public struct DeliveryAttempt: Sendable, Equatable {
    /// When the attempt ended.
    public var at: Date
    /// The sink's HTTP status, when it answered.
    public var httpStatus: Int?
    /// What went wrong, bounded and short (the sink's error text is the notifier's to trim).
    public var error: String?
    /// How long the attempt took.
    public var duration: Duration

    /// Makes an attempt report.
    public init(at: Date = Date(), httpStatus: Int? = nil, error: String? = nil, duration: Duration = .zero) {
        self.at = at
        self.httpStatus = httpStatus
        self.error = error
        self.duration = duration
    }
}

/// One row of the delivery log: an attempt and what it led to.
public struct DeliveryRecord: Sendable, Equatable {
    /// What an attempt led to.
    public enum Result: String, Sendable, CaseIterable {
        case delivered
        /// Failed; another attempt is scheduled.
        case retry
        /// Failed; the message is now dead.
        case dead
    }

    /// The log row's id.
    public let id: Int64
    /// The message attempted.
    public let outboxID: Int64
    /// When the attempt ended.
    public let at: Date
    /// What the attempt led to.
    public let result: Result
    /// The sink's HTTP status, when it answered.
    public let httpStatus: Int?
    /// What went wrong, when it failed.
    public let error: String?
    /// How long the attempt took (whole milliseconds).
    public let duration: Duration

    /// Reads a row of `deliveries`.
    init(row: Row) {
        id = row["id"]
        outboxID = row["outbox_id"]
        at = Date(storeMillis: row["at"])
        result = Result(rawValue: row["result"]) ?? .retry
        httpStatus = row["http_status"]
        error = row["error"]
        duration = .milliseconds(row["duration_ms"] as Int64)
    }

    /// Appends an attempt to the log.
    static func insert(_ attempt: DeliveryAttempt, outboxID: Int64, result: Result, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO deliveries (outbox_id, at, result, http_status, error, duration_ms)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [
                outboxID, attempt.at.storeMillis, result.rawValue, attempt.httpStatus, attempt.error,
                attempt.duration.storeMillis,
            ])
    }
}
