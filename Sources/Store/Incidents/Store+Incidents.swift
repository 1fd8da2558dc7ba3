import Foundation
import GRDB

extension Store {
    /// Attaches alerts to their incident, creating it, or opening a new episode when it had resolved and
    /// one of the alerts fires.
    public func attach(
        alertIDs: [Int64], to identity: IncidentIdentity, at now: Date = Date()
    ) async throws(StoreError) -> IncidentAttachment {
        try await write { db in
            let millis = now.storeMillis
            let anyFiring = try alertIDs.isEmpty ? true : SQLRequest<Bool>(literal: """
                SELECT EXISTS (SELECT 1 FROM alerts WHERE id IN \(alertIDs) AND status = 'firing')
                """).fetchOne(db) ?? false
            let change: IncidentAttachment.Change
            if let existing = try IncidentRecord.fetch(id: identity.id, in: db) {
                if existing.status == .resolved && anyFiring {
                    try db.execute(sql: """
                        UPDATE incidents SET status = 'firing', episode = episode + 1, resolved_at = NULL,
                               last_seen = max(last_seen, ?) WHERE id = ?
                        """, arguments: [millis, identity.id])
                    change = .reopened
                } else {
                    try db.execute(
                        sql: "UPDATE incidents SET last_seen = max(last_seen, ?) WHERE id = ?",
                        arguments: [millis, identity.id])
                    change = .joined
                }
            } else {
                try db.execute(sql: """
                    INSERT INTO incidents (id, namespace, owner_kind, owner_name, image, status, first_seen,
                                           last_seen, resolved_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [
                        identity.id, identity.namespace, identity.ownerKind, identity.ownerName, identity.image,
                        anyFiring ? "firing" : "resolved", millis, millis, anyFiring ? nil : millis,
                    ])
                change = .opened
            }
            if !alertIDs.isEmpty {
                try db.execute(literal: "UPDATE alerts SET incident_id = \(identity.id) WHERE id IN \(alertIDs)")
            }
            guard let incident = try IncidentRecord.fetch(id: identity.id, in: db) else {
                throw StoreError(reason: .other, message: "incident \(identity.id) vanished inside its transaction")
            }
            return IncidentAttachment(incident: incident, change: change)
        }
    }

    /// Saves a diagnosis of an existing incident, makes it the incident's current one, marks `alertIDs`
    /// diagnosed by it and enqueues `deliveries`, all in one transaction: a crash leaves either a
    /// diagnosis with its outbox rows or neither.
    ///
    /// - Returns: the ids of the outbox rows created (an item already enqueued before is skipped).
    /// - Throws: `StoreError` with reason `constraint` when the incident does not exist or the id is taken.
    @discardableResult
    public func saveDiagnosis(
        _ diagnosis: DiagnosisRecord, alertIDs: [Int64] = [], deliveries: [OutboxItem] = []
    ) async throws(StoreError) -> [Int64] {
        try await write { db in
            try diagnosis.insert(in: db)
            try db.execute(sql: """
                UPDATE incidents SET current_diagnosis_id = ?, category = ?, reason = ? WHERE id = ?
                """, arguments: [diagnosis.id, diagnosis.category, diagnosis.reason, diagnosis.incidentID])
            if !alertIDs.isEmpty {
                try db.execute(literal: """
                    UPDATE alerts SET diagnosed = 1, diagnosis_id = \(diagnosis.id),
                           incident_id = coalesce(incident_id, \(diagnosis.incidentID))
                    WHERE id IN \(alertIDs)
                    """)
            }
            return try OutboxItem.insert(deliveries, now: diagnosis.createdAt, in: db)
        }
    }

    /// Marks alerts as handled without a diagnosis of their own: they joined an incident whose current
    /// diagnosis still holds (pass it as `diagnosisID`), or they need none.
    public func markDiagnosed(alertIDs: [Int64], diagnosisID: String? = nil) async throws(StoreError) {
        guard !alertIDs.isEmpty else { return }
        try await write { db in
            try db.execute(literal: """
                UPDATE alerts SET diagnosed = 1, diagnosis_id = coalesce(\(diagnosisID), diagnosis_id)
                WHERE id IN \(alertIDs)
                """)
        }
    }

    /// Resolves a firing incident and enqueues its `resolved` notifications in the same transaction.
    ///
    /// - Returns: false, enqueuing nothing, when the incident was not firing (already resolved, or unknown).
    @discardableResult
    public func resolveIncident(
        id: String, at now: Date = Date(), deliveries: [OutboxItem] = []
    ) async throws(StoreError) -> Bool {
        try await write { db in
            try db.execute(sql: """
                UPDATE incidents SET status = 'resolved', resolved_at = ?1, last_seen = max(last_seen, ?1)
                WHERE id = ?2 AND status = 'firing'
                """, arguments: [now.storeMillis, id])
            guard db.changesCount == 1 else { return false }
            _ = try OutboxItem.insert(deliveries, now: now, in: db)
            return true
        }
    }

    /// Firing alerts accepted but not yet diagnosed, oldest first: the diagnosis worker's backlog, and
    /// what it resumes after a restart. Page with `afterID` (the last id of the previous page).
    public func undiagnosedAlerts(afterID: Int64 = 0, limit: Int = 100) async throws(StoreError) -> [AlertRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM alerts WHERE diagnosed = 0 AND status = 'firing' AND id > ? ORDER BY id LIMIT ?
                """, arguments: [afterID, limit]).map(AlertRecord.init)
        }
    }

    /// One incident, or nil.
    public func incident(id: String) async throws(StoreError) -> IncidentRecord? {
        try await read { db in try IncidentRecord.fetch(id: id, in: db) }
    }

    /// The alerts of an incident, oldest first.
    public func alerts(ofIncident id: String) async throws(StoreError) -> [AlertRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM alerts WHERE incident_id = ? ORDER BY starts_at, id",
                             arguments: [id]).map(AlertRecord.init)
        }
    }

    /// One alert, or nil.
    public func alert(id: Int64) async throws(StoreError) -> AlertRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM alerts WHERE id = ?", arguments: [id]).map(AlertRecord.init)
        }
    }
}
