import Foundation
import GRDB

/// PullDoctor's durable state in one SQLite file in WAL mode: accepted webhook payloads, alerts and the
/// incidents they belong to, diagnoses, and the delivery outbox.
///
/// The store knows nothing of the webhook or diagnosis types: callers hand it JSON bytes plus the few
/// columns it indexes, and decode what they read back. Every method throws only `StoreError`.
///
/// Writes go through one SQLite connection (GRDB's writer); reads use a small pool of reader connections
/// and never wait for writes, thanks to WAL.
public final class Store: Sendable {
    /// What the store was opened with.
    public let configuration: StoreConfiguration
    /// The database; its writer serialises every write, so short transactions interleave fairly.
    var pool: DatabasePool { handle.current }
    /// Holds the pool, and replaces it when a read-only open can write again.
    let handle: DatabaseHandle
    /// Batches concurrent `accept` calls into shared transactions.
    let committer: GroupCommitter

    /// Opens (creating when missing) the database file and its folder, and applies pending migrations.
    public init(configuration: StoreConfiguration = StoreConfiguration()) throws(StoreError) {
        self.configuration = configuration
        let folder = URL(fileURLWithPath: configuration.path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(reason: .cantOpen, message: "cannot create \(folder.path): \(error)")
        }
        var config = Configuration()
        config.label = "pulldoctor.store"
        config.busyMode = .timeout(TimeInterval(configuration.busyTimeout.storeMillis) / 1000)
        let synchronous = configuration.durability == .full ? "FULL" : "NORMAL"
        let path = configuration.path
        let poolConfig = config
        do {
            // DatabasePool turns WAL on when it opens the file, and sets the writer to synchronous=NORMAL
            // after any `prepareDatabase` hook: the durability is set on the writer here, once open.
            // Readers never commit, so their setting does not matter.
            handle = try DatabaseHandle(path: path) {
                let pool = try DatabasePool(path: path, configuration: poolConfig)
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
                }
                return pool
            }
            try StoreMigrations.migrator.migrate(handle.current)
        } catch {
            throw StoreError(error)
        }
        committer = GroupCommitter(handle: handle, maxBatchSize: max(1, configuration.maxBatchSize))
    }

    /// Closes every connection. Optional: dropping the store closes it too. Later calls fail.
    public func close() throws(StoreError) {
        do {
            try pool.close()
        } catch {
            throw StoreError(error)
        }
    }

    /// The names of the migrations applied to this file, in order (`v1`, `v2`, ...).
    public func appliedMigrations() async throws(StoreError) -> [String] {
        try await read { db in
            let applied = try StoreMigrations.migrator.appliedIdentifiers(db)
            return StoreMigrations.names.filter(applied.contains)
        }
    }

    /// Runs `body` in one write transaction, mapping any failure to `StoreError`.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.write(body)
        } catch {
            let failure = StoreError(error)
            if failure.reason == .readOnly { handle.reopenAfterReadOnly() }
            throw failure
        }
    }

    /// Runs `body` on a reader connection, mapping any failure to `StoreError`.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw StoreError(error)
        }
    }
}
