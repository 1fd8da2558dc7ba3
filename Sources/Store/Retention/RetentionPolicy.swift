/// How much history the store keeps. Pruning removes what is older than `maxAge`, then the oldest rows
/// of any table over `maxRowsPerTable`, in batches of `batchSize` rows, each its own short transaction so
/// ingest never waits for more than one batch.
///
/// Never pruned, whatever their age: pending outbox messages, firing incidents, the current diagnosis of
/// an incident and diagnoses a pending message still carries.
public struct RetentionPolicy: Sendable, Equatable {
    /// Rows older than this go; nil keeps everything. Default 30 days.
    public var maxAge: Duration?
    /// Each table keeps at most this many rows (fewer when rows are old); nil means no limit. Default 100 000.
    public var maxRowsPerTable: Int?
    /// Rows deleted per transaction. Default 500.
    public var batchSize: Int

    /// Makes a policy; every argument has the default documented on its property.
    public init(maxAge: Duration? = .seconds(30 * 86_400), maxRowsPerTable: Int? = 100_000, batchSize: Int = 500) {
        self.maxAge = maxAge
        self.maxRowsPerTable = maxRowsPerTable
        self.batchSize = batchSize
    }
}

/// The store's tables, in the order pruning visits them (messages and logs before what they point to).
public enum StoreTable: String, Sendable, CaseIterable {
    case deliveries
    case outbox
    case alerts
    case payloads
    case diagnoses
    case incidents
}

/// What one pruning pass removed.
public struct PruneReport: Sendable, Equatable {
    /// Rows deleted per table (rows removed by a cascade, such as an incident's old messages, not counted).
    public var deleted: [StoreTable: Int] = [:]
    /// Write transactions used.
    public var batches = 0

    /// Rows deleted in all.
    public var total: Int { deleted.values.reduce(0, +) }
}
