import Foundation
import GRDB

extension Store {
    /// Removes old rows per `configuration.retention`, in small separate transactions, yielding between
    /// them so accepts and deliveries interleave. Safe to call while the service runs; cancelling the
    /// calling task stops it between batches.
    @discardableResult
    public func prune(now: Date = Date()) async throws(StoreError) -> PruneReport {
        let policy = configuration.retention
        let batchSize = max(1, policy.batchSize)
        var report = PruneReport()
        for step in PruneStep.all {
            if let maxAge = policy.maxAge {
                let cutoff = now.storeMillis - maxAge.storeMillis
                let deleted = try await deleteInBatches(
                    step, condition: "(\(step.eligible)) AND \(step.timeColumn) < ?", arguments: [cutoff],
                    limit: nil, batchSize: batchSize, report: &report)
                report.deleted[step.table, default: 0] += deleted
            }
            if let maxRows = policy.maxRowsPerTable {
                let table = step.table.rawValue
                let count = try await read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
                guard count > maxRows else { continue }
                let deleted = try await deleteInBatches(
                    step, condition: step.eligibleOverCap, arguments: [], limit: count - maxRows, batchSize: batchSize,
                    report: &report)
                report.deleted[step.table, default: 0] += deleted
            }
        }
        return report
    }

    /// Deletes the oldest eligible rows matching `condition`, `batchSize` per transaction, until none
    /// is left or `limit` rows went.
    private func deleteInBatches(
        _ step: PruneStep, condition: String, arguments: StatementArguments, limit: Int?, batchSize: Int,
        report: inout PruneReport
    ) async throws(StoreError) -> Int {
        let table = step.table.rawValue
        var remaining = limit ?? Int.max
        var total = 0
        while remaining > 0 {
            if Task.isCancelled {
                throw StoreError(reason: .cancelled, message: "pruning cancelled after \(report.batches) batches")
            }
            let count = min(batchSize, remaining)
            let sql = """
                DELETE FROM \(table) WHERE rowid IN (
                    SELECT rowid FROM \(table) WHERE \(condition) ORDER BY \(step.timeColumn), rowid LIMIT \(count))
                """
            let deleted = try await write { db in
                try db.execute(sql: sql, arguments: arguments)
                return db.changesCount
            }
            report.batches += 1
            total += deleted
            remaining -= deleted
            if deleted < count { break }
            await Task.yield()
        }
        return total
    }
}
