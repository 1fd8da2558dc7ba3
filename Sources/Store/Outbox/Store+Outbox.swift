import Foundation
import GRDB

extension Store {
    /// Enqueues messages; an item enqueued before (same idempotency key) is skipped.
    ///
    /// - Returns: the ids of the rows created.
    @discardableResult
    public func enqueue(_ items: [OutboxItem], at now: Date = Date()) async throws(StoreError) -> [Int64] {
        try await write { db in try OutboxItem.insert(items, now: now, in: db) }
    }

    /// Claims up to `limit` due messages for `sink`, oldest first, and counts an attempt for each.
    ///
    /// Delivery is in order per incident: a message is not claimable while an earlier message of the same
    /// incident to the same sink is pending (waiting, backing off, or claimed). A claim is a lease: if its
    /// outcome is never recorded (the process died), the message is due again at `now + lease`, or at once
    /// after `releaseClaims()`.
    public func claimDue(
        sink: String, limit: Int, now: Date = Date(), lease: Duration = .seconds(60)
    ) async throws(StoreError) -> [OutboxRecord] {
        try await write { db in
            let millis = now.storeMillis
            let ids = try Int64.fetchAll(db, sql: """
                SELECT o.id FROM outbox o
                WHERE o.sink = ?1 AND o.status = 'pending' AND o.next_attempt_at <= ?2
                  AND NOT EXISTS (SELECT 1 FROM outbox e
                                  WHERE e.incident_id = o.incident_id AND e.sink = o.sink
                                    AND e.status = 'pending' AND e.id < o.id)
                ORDER BY o.id LIMIT ?3
                """, arguments: [sink, millis, limit])
            guard !ids.isEmpty else { return [] }
            try db.execute(literal: """
                UPDATE outbox SET attempts = attempts + 1, claimed_at = \(millis),
                       next_attempt_at = \(millis + lease.storeMillis)
                WHERE id IN \(ids)
                """)
            return try SQLRequest<Row>(literal: "SELECT * FROM outbox WHERE id IN \(ids) ORDER BY id").fetchAll(db)
                .map(OutboxRecord.init)
        }
    }

    /// Records a successful delivery.
    ///
    /// - Returns: false when the message was not pending (already delivered or dead); nothing is changed.
    @discardableResult
    public func markDelivered(outboxID: Int64, attempt: DeliveryAttempt) async throws(StoreError) -> Bool {
        try await write { db in
            try db.execute(sql: """
                UPDATE outbox SET status = 'delivered', delivered_at = ?, claimed_at = NULL, last_error = NULL
                WHERE id = ? AND status = 'pending'
                """, arguments: [attempt.at.storeMillis, outboxID])
            guard db.changesCount == 1 else { return false }
            try DeliveryRecord.insert(attempt, outboxID: outboxID, result: .delivered, in: db)
            return true
        }
    }

    /// Records a failed attempt. The delivery worker owns the retry policy (backoff, `Retry-After`, the
    /// attempt limit); it passes the next attempt's time, or nil to give up and mark the message dead,
    /// which unblocks the incident's later messages to that sink.
    ///
    /// - Returns: false when the message was not pending; nothing is changed.
    @discardableResult
    public func markFailed(
        outboxID: Int64, attempt: DeliveryAttempt, retryAt: Date?
    ) async throws(StoreError) -> Bool {
        try await write { db in
            if let retryAt {
                try db.execute(sql: """
                    UPDATE outbox SET next_attempt_at = ?, claimed_at = NULL, last_error = ?
                    WHERE id = ? AND status = 'pending'
                    """, arguments: [retryAt.storeMillis, attempt.error, outboxID])
            } else {
                try db.execute(sql: """
                    UPDATE outbox SET status = 'dead', claimed_at = NULL, last_error = ?
                    WHERE id = ? AND status = 'pending'
                    """, arguments: [attempt.error, outboxID])
            }
            guard db.changesCount == 1 else { return false }
            try DeliveryRecord.insert(attempt, outboxID: outboxID, result: retryAt == nil ? .dead : .retry, in: db)
            return true
        }
    }

    /// Makes every claimed message due at once. Call it on start, before any delivery worker runs: claims
    /// left by a process that died will never be finished.
    ///
    /// - Returns: how many claims were released.
    @discardableResult
    public func releaseClaims() async throws(StoreError) -> Int {
        try await write { db in
            try db.execute(sql: """
                UPDATE outbox SET next_attempt_at = claimed_at, claimed_at = NULL
                WHERE status = 'pending' AND claimed_at IS NOT NULL
                """)
            return db.changesCount
        }
    }

    /// Pending messages in order of arrival: what a restart resumes. Page with `afterID`.
    public func undeliveredOutbox(afterID: Int64 = 0, limit: Int = 100) async throws(StoreError) -> [OutboxRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM outbox WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?
                """, arguments: [afterID, limit]).map(OutboxRecord.init)
        }
    }

    /// One outbox row, or nil.
    public func outboxRecord(id: Int64) async throws(StoreError) -> OutboxRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]).map(OutboxRecord.init)
        }
    }

    /// The delivery log of one message, oldest first.
    public func deliveries(ofOutbox id: Int64) async throws(StoreError) -> [DeliveryRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM deliveries WHERE outbox_id = ? ORDER BY at, id",
                             arguments: [id]).map(DeliveryRecord.init)
        }
    }

    /// Depth, oldest pending age and dead count per sink that has any message, sorted by sink.
    public func outboxStats(now: Date = Date()) async throws(StoreError) -> [SinkOutboxStats] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT sink, sum(status = 'pending') AS pending,
                       min(CASE WHEN status = 'pending' THEN created_at END) AS oldest,
                       sum(status = 'dead') AS dead
                FROM outbox GROUP BY sink ORDER BY sink
                """).map { row in
                    let oldest: Int64? = row["oldest"]
                    return SinkOutboxStats(
                        sink: row["sink"], pending: row["pending"],
                        oldestPendingAge: oldest.map { max(0, TimeInterval(now.storeMillis - $0) / 1000) },
                        dead: row["dead"])
                }
        }
    }
}

extension Store {
    /// The sinks that were told this incident fires: their latest message for it that is not dead-lettered
    /// is a `firing` one (delivered, or still waiting: a resolution queued after it is delivered after it).
    /// A resolution goes only to these, as Alertmanager sends a resolved notification only to receivers that
    /// were notified of the firing alert.
    public func sinksToldFiring(incidentID: String) async throws(StoreError) -> Set<String> {
        try await read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT o.sink FROM outbox o
                WHERE o.incident_id = ?1 AND o.kind = 'firing'
                  AND o.id = (SELECT max(x.id) FROM outbox x
                              WHERE x.incident_id = ?1 AND x.sink = o.sink AND x.status != 'dead')
                """, arguments: [incidentID]))
        }
    }
}
