import Foundation
import GRDB

/// The statements that store one webhook payload inside a write transaction.
enum PayloadIngest {
    /// Inserts the payload and upserts its alerts. Runs inside the caller's transaction: it either all
    /// commits with the batch or not at all.
    static func apply(_ payload: IncomingPayload, in db: Database) throws -> AcceptResult {
        let now = payload.receivedAt.storeMillis
        try db.cachedStatement(sql: """
            INSERT INTO payloads (received_at, group_key, receiver, status, alert_count, body)
            VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                now, payload.groupKey, payload.receiver, payload.status.rawValue, payload.alerts.count,
                payload.body,
            ])
        let payloadID = db.lastInsertedRowID
        var accepted: [AcceptedAlert] = []
        accepted.reserveCapacity(payload.alerts.count)
        var resolvedIncidents: [String] = []
        for alert in payload.alerts {
            let entry = try upsert(alert, payloadID: payloadID, now: now, in: db)
            accepted.append(entry)
            if entry.outcome == .resolved, let incident = entry.incidentID, !resolvedIncidents.contains(incident) {
                resolvedIncidents.append(incident)
            }
        }
        let quiet = try resolvedIncidents.filter { try isQuiet(incident: $0, in: db) }
        return AcceptResult(payloadID: payloadID, alerts: accepted, quietIncidents: quiet)
    }

    /// Inserts a new occurrence, or counts a re-send, or records a resolution.
    private static func upsert(
        _ alert: IncomingAlert, payloadID: Int64, now: Int64, in db: Database
    ) throws -> AcceptedAlert {
        let startsAt = alert.startsAt.storeMillis
        let annotations = StringMapJSON.encode(alert.annotations)
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT id, status, incident_id, diagnosed FROM alerts WHERE fingerprint = ? AND starts_at = ?
                """),
            arguments: [alert.fingerprint, startsAt])
        guard let existing else {
            try db.cachedStatement(sql: """
                INSERT INTO alerts (fingerprint, starts_at, status, ends_at, namespace, labels, annotations,
                                    generator_url, payload_id, first_seen, last_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    alert.fingerprint, startsAt, alert.status.rawValue, endsAt(alert, now: now),
                    alert.labels["namespace"], StringMapJSON.encode(alert.labels), annotations, alert.generatorURL,
                    payloadID, now, now,
                ])
            return AcceptedAlert(
                alertID: db.lastInsertedRowID, fingerprint: alert.fingerprint, startsAt: alert.startsAt,
                outcome: alert.status == .firing ? .new : .resolved, incidentID: nil, diagnosed: false)
        }
        let id: Int64 = existing["id"]
        let stored: String = existing["status"]
        let outcome: AcceptedAlert.Outcome
        if stored == FiringState.firing.rawValue && alert.status == .resolved {
            try db.cachedStatement(sql: """
                UPDATE alerts SET status = 'resolved', ends_at = ?, last_seen = ?, annotations = ? WHERE id = ?
                """).execute(arguments: [endsAt(alert, now: now), now, annotations, id])
            outcome = .resolved
        } else {
            // The same state again, or a late `firing` after the resolution (notifications can arrive out
            // of order): a re-send either way, and a resolved occurrence never fires again.
            try db.cachedStatement(sql: """
                UPDATE alerts SET resent_count = resent_count + 1, last_seen = ?, annotations = ? WHERE id = ?
                """).execute(arguments: [now, annotations, id])
            outcome = .resent
        }
        return AcceptedAlert(
            alertID: id, fingerprint: alert.fingerprint, startsAt: alert.startsAt, outcome: outcome,
            incidentID: existing["incident_id"], diagnosed: existing["diagnosed"])
    }

    /// A resolved alert without `endsAt` ended when its resolution arrived.
    private static func endsAt(_ alert: IncomingAlert, now: Int64) -> Int64? {
        guard alert.status == .resolved else { return nil }
        return alert.endsAt?.storeMillis ?? now
    }

    /// Whether a firing incident has no firing alert left.
    private static func isQuiet(incident: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM incidents WHERE id = ?1 AND status = 'firing')
                   AND NOT EXISTS (SELECT 1 FROM alerts WHERE incident_id = ?1 AND status = 'firing')
                """),
            arguments: [incident]) ?? false
    }
}
