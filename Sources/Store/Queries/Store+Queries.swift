import Foundation
import GRDB

extension Store {
    /// Lists incidents matching `query`, most recently active first, with the total count of matches.
    public func listIncidents(_ query: IncidentQuery = IncidentQuery()) async throws(StoreError) -> IncidentPage {
        try await read { db in
            var conditions: [SQL] = []
            if let status = query.status {
                conditions.append("status = \(status.rawValue)")
            }
            if let category = query.category {
                conditions.append("category = \(category)")
            }
            if let namespace = query.namespace {
                conditions.append("namespace = \(namespace)")
            }
            if let search = query.search?.trimmingCharacters(in: .whitespaces), !search.isEmpty {
                // instr, not LIKE: no wildcard in the user's text to escape. lower() folds ASCII only,
                // which covers Kubernetes names and image references.
                conditions.append("""
                    (instr(lower(id), lower(\(search))) > 0 OR instr(lower(coalesce(reason, '')), lower(\(search))) > 0)
                    """)
            }
            let filter: SQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let limit = min(max(query.limit, 1), 500)
            let offset = max(query.offset, 0)
            let rows = try SQLRequest<Row>(literal: """
                SELECT * FROM incidents \(filter) ORDER BY last_seen DESC, id LIMIT \(limit) OFFSET \(offset)
                """).fetchAll(db)
            let total = try SQLRequest<Int>(literal: "SELECT count(*) FROM incidents \(filter)").fetchOne(db) ?? 0
            return IncidentPage(incidents: rows.map(IncidentRecord.init), total: total)
        }
    }

    /// One diagnosis, or nil.
    public func diagnosis(id: String) async throws(StoreError) -> DiagnosisRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM diagnoses WHERE id = ?", arguments: [id]).map(DiagnosisRecord.init)
        }
    }

    /// A diagnosis with its incident, the incident's alerts, diagnoses, messages and delivery attempts, read
    /// in one snapshot; nil when the diagnosis is unknown (or was pruned).
    public func diagnosisDetail(id: String) async throws(StoreError) -> DiagnosisDetail? {
        try await read { db in
            guard let diagnosis = try Row.fetchOne(db, sql: "SELECT * FROM diagnoses WHERE id = ?", arguments: [id])
                .map(DiagnosisRecord.init),
                let incident = try IncidentRecord.fetch(id: diagnosis.incidentID, in: db)
            else { return nil }
            let incidentID = incident.id
            let alerts = try Row.fetchAll(db, sql: """
                SELECT * FROM alerts WHERE incident_id = ? ORDER BY starts_at, id
                """, arguments: [incidentID]).map(AlertRecord.init)
            let diagnoses = try Row.fetchAll(db, sql: """
                SELECT * FROM diagnoses WHERE incident_id = ? ORDER BY created_at, id
                """, arguments: [incidentID]).map(DiagnosisRecord.init)
            let outbox = try Row.fetchAll(db, sql: """
                SELECT * FROM outbox WHERE incident_id = ? ORDER BY id
                """, arguments: [incidentID]).map(OutboxRecord.init)
            let deliveries = try Row.fetchAll(db, sql: """
                SELECT d.* FROM deliveries d JOIN outbox o ON o.id = d.outbox_id
                WHERE o.incident_id = ? ORDER BY d.at, d.id
                """, arguments: [incidentID]).map(DeliveryRecord.init)
            return DiagnosisDetail(
                diagnosis: diagnosis, incident: incident, alerts: alerts, diagnoses: diagnoses, outbox: outbox,
                deliveries: deliveries)
        }
    }
}
