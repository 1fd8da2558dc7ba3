/// Which rows of a table pruning may remove, and which go first.
struct PruneStep: Sendable {
    let table: StoreTable
    /// Oldest first by this column (indexed on every table).
    let timeColumn: String
    /// The rows that may ever be removed, whatever their age (constant SQL, no user input).
    let eligible: String
    /// The rows the row cap may remove (constant SQL); `eligible` unless a step says otherwise.
    let eligibleOverCap: String

    init(table: StoreTable, timeColumn: String, eligible: String, eligibleOverCap: String? = nil) {
        self.table = table
        self.timeColumn = timeColumn
        self.eligible = eligible
        self.eligibleOverCap = eligibleOverCap.map { "(\(eligible)) AND (\($0))" } ?? eligible
    }

    static let all: [PruneStep] = [
        PruneStep(table: .deliveries, timeColumn: "at", eligible: "1"),
        PruneStep(table: .outbox, timeColumn: "created_at", eligible: "status <> 'pending'"),
        // The row cap never removes an accepted firing alert before it is diagnosed (a storm larger than the
        // cap must not lose acknowledged alerts); age still does, long after the resume sweep gave up on it.
        PruneStep(table: .alerts, timeColumn: "last_seen", eligible: "1",
                  eligibleOverCap: "NOT (diagnosed = 0 AND status = 'firing')"),
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
