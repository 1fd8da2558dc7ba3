import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import Synchronization

/// The store's database pool, re-opened when SQLite opened the file read-only.
///
/// SQLite falls back to a read-only connection when it cannot open the file for writing (a volume
/// mounted read-only when PullDoctor starts), and that connection stays read-only even after the volume
/// is writable again. So when a write fails with `read_only` and the file can be written again (checked
/// at most once a second, on failing writes), the pool is closed and opened afresh, and ingest recovers
/// without a restart.
final class DatabaseHandle: Sendable {
    private let pool: Mutex<DatabasePool>
    private let lastAttempt = Mutex<ContinuousClock.Instant?>(nil)
    private let open: @Sendable () throws -> DatabasePool
    private let path: String

    /// - Parameters:
    ///   - path: the database file.
    ///   - open: opens a pool on it, ready to use.
    init(path: String, open: @escaping @Sendable () throws -> DatabasePool) throws {
        self.path = path
        self.open = open
        self.pool = Mutex(try open())
    }

    /// The pool to use now.
    var current: DatabasePool { pool.withLock { $0 } }

    /// Call after a write failed with `read_only`. When the file system lets the file be written again, closes
    /// the pool (SQLite shares one shared-memory index per file across a process's connections, and a
    /// read-only one would make the fresh connection read-only too), opens a fresh one and keeps it.
    /// Tried at most once a second. Returns true when the fresh pool can write.
    @discardableResult
    func reopenAfterReadOnly(now: ContinuousClock.Instant = .now) -> Bool {
        let due = lastAttempt.withLock { last -> Bool in
            if let last, now - last < .seconds(1) { return false }
            last = now
            return true
        }
        // access(2) answers EROFS on a read-only file system for every user, root included.
        guard due, access(path, W_OK) == 0 else { return false }
        try? current.close()
        let fresh: DatabasePool
        do {
            fresh = try open()
        } catch {
            return false  // the closed pool stays; reads and writes fail until the next attempt
        }
        pool.withLock { $0 = fresh }
        do {
            // BEGIN IMMEDIATE takes the write lock: a read-only connection fails it with SQLITE_READONLY.
            try fresh.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                try db.execute(sql: "ROLLBACK")
            }
            return true
        } catch {
            return false
        }
    }
}
