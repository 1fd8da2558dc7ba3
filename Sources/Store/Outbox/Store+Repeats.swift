import Foundation
import GRDB

/// An incident whose last notification to one sink is old enough to be repeated.
public struct RepeatCandidate: Sendable, Equatable {
    /// The incident (firing).
    public let incidentID: String
    /// The diagnosis the last notification carried.
    public let diagnosisID: String?
    /// The last notification's stored body (what to repeat).
    public let body: Data?
    /// When it was delivered (or dead-lettered, or enqueued when neither time is known).
    public let lastAt: Date
    /// The incident's alerts that still fire, oldest first.
    public let firingAlerts: [AlertRecord]
}

extension Store {
    /// Firing incidents due a repeat to `sink`: the incident's latest message to the sink is a `firing`
    /// one, no message to the sink is pending, that message went out at or before `lastBefore`, and one of
    /// the incident's alerts still fires and was received (Alertmanager's re-sends count) at or after
    /// `seenSince`. At most `limit`, by incident id; the rest come up in a later sweep, since the ones
    /// repeated then have a pending message.
    public func repeatCandidates(
        sink: String, lastBefore: Date, seenSince: Date, limit: Int = 500
    ) async throws(StoreError) -> [RepeatCandidate] {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT i.id AS incident_id, o.diagnosis_id, o.body,
                       coalesce(o.delivered_at, (SELECT max(d.at) FROM deliveries d WHERE d.outbox_id = o.id), o.created_at) AS last_at
                FROM incidents i
                JOIN outbox o ON o.id = (SELECT max(x.id) FROM outbox x WHERE x.incident_id = i.id AND x.sink = ?1)
                WHERE i.status = 'firing' AND o.kind = 'firing' AND o.status != 'pending'
                  AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.incident_id = i.id AND p.sink = ?1 AND p.status = 'pending')
                  AND EXISTS (SELECT 1 FROM alerts a WHERE a.incident_id = i.id AND a.status = 'firing' AND a.last_seen >= ?3)
                  AND last_at <= ?2
                ORDER BY i.id LIMIT ?4
                """, arguments: [sink, lastBefore.storeMillis, seenSince.storeMillis, limit])
            return try rows.map { row in
                let id: String = row["incident_id"]
                let alerts = try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT * FROM alerts WHERE incident_id = ? AND status = 'firing' ORDER BY starts_at, id
                    """), arguments: [id]).map(AlertRecord.init)
                return RepeatCandidate(incidentID: id, diagnosisID: row["diagnosis_id"], body: row["body"],
                                       lastAt: Date(storeMillis: row["last_at"]), firingAlerts: alerts)
            }
        }
    }
}
