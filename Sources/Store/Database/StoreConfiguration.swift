import Foundation

/// Where the database lives and how it trades durability for speed.
public struct StoreConfiguration: Sendable {
    /// How hard SQLite works to make a commit survive a power cut.
    public enum Durability: String, Sendable, CaseIterable {
        /// `synchronous = FULL`: every commit syncs the write-ahead log. A 2xx answer to a webhook then
        /// means the payload survives a power cut, which is why it is the default; group commit keeps the
        /// cost at one sync per batch rather than one per alert.
        case full
        /// `synchronous = NORMAL`: commits survive a crash of the process but the last ones may be lost on
        /// a power cut; the log is synced at checkpoints only.
        case normal
    }

    /// The database file. Default `data/pulldoctor.sqlite`, relative to the working directory; its folder
    /// is created when missing.
    public var path: String
    /// Default `.full`.
    public var durability: Durability
    /// The most accept requests committed in one transaction. Default 256.
    public var maxBatchSize: Int
    /// How long a statement waits for a lock held by another connection (another process, the `sqlite3`
    /// shell) before failing with `busy`. Default 5 s.
    public var busyTimeout: Duration
    /// What `Store.prune` removes. Default: 30 days, 100 000 rows per table.
    public var retention: RetentionPolicy

    /// The default path, `data/pulldoctor.sqlite`.
    public static let defaultPath = "data/pulldoctor.sqlite"

    /// Makes a configuration; every argument has the default documented on its property.
    public init(
        path: String = StoreConfiguration.defaultPath, durability: Durability = .full, maxBatchSize: Int = 256,
        busyTimeout: Duration = .seconds(5), retention: RetentionPolicy = RetentionPolicy()
    ) {
        self.path = path
        self.durability = durability
        self.maxBatchSize = maxBatchSize
        self.busyTimeout = busyTimeout
        self.retention = retention
    }
}
