/// Which rows of a table pruning may remove, and which go first.
struct PruneStep: Sendable {
    let table: StoreTable
    /// Oldest first by this column (indexed on every table).
    let timeColumn: String
    /// The rows that may ever be removed, whatever their age (constant SQL, no user input).
    let eligible: String

    static let all: [PruneStep] = [
        PruneStep(table: .deliveries, timeColumn: "at", eligible: "1"),
        PruneStep(table: .outbox, timeColumn: "created_at", eligible: "status <> 'pending'"),
        PruneStep(table: .alerts, timeColumn: "last_seen", eligible: "1"),
        PruneStep(table: .payloads, timeColumn: "received_at", eligible: "1"),
        PruneStep(table: .diagnoses, timeColumn: "created_at", eligible: """
            NOT EXISTS (SELECT 1 FROM incidents i WHERE i.current_diagnosis_id = diagnoses.id)
            AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.diagnosis_id = diagnoses.id AND o.status = 'pending')
            """),
        PruneStep(table: .incidents, timeColumn: "last_seen", eligible: """
            status = 'resolved'
            AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.incident_id = incidents.id AND o.status = 'pending')
            """),
    ]
}
