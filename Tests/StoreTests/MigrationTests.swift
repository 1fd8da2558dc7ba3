import Foundation
import GRDB
import Testing
@testable import Store

@Suite("Opening and migrating the database")
struct MigrationTests {
    @Test("An empty file gets every migration, WAL and synchronous=FULL")
    func migratesFromEmpty() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        #expect(try await store.appliedMigrations() == ["v1"])
        let (tables, journal) = try await store.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        // The writer is the connection that commits: its setting is the one that counts.
        let synchronous = try await store.pool.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous")
        }
        for table in StoreTable.allCases {
            #expect(tables.contains(table.rawValue), "missing table \(table.rawValue)")
        }
        #expect(journal == "wal")
        #expect(synchronous == 2) // FULL
    }

    @Test("Re-opening applies nothing twice and keeps the data")
    func reopenIsIdempotent() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        do {
            let store = try db.open()
            _ = try await store.accept(payload: Fixtures.payload([Fixtures.alert("a1")]))
            try store.close()
        }
        for _ in 0..<2 {
            let store = try db.open()
            #expect(try await store.appliedMigrations() == ["v1"])
            #expect(try await store.count(.payloads) == 1)
            #expect(try await store.count(.alerts) == 1)
            try store.close()
        }
    }

    @Test("Missing folders are created; the default path is data/pulldoctor.sqlite")
    func createsFolders() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        #expect(StoreConfiguration().path == "data/pulldoctor.sqlite")
        let nested = db.folder.appendingPathComponent("a/b/data/pulldoctor.sqlite").path
        let store = try Store(configuration: StoreConfiguration(path: nested))
        #expect(FileManager.default.fileExists(atPath: nested))
        #expect(try await store.appliedMigrations() == ["v1"])
    }

    @Test("Normal durability sets synchronous=NORMAL")
    func normalDurability() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open { $0.durability = .normal }
        let synchronous = try await store.pool.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous")
        }
        #expect(synchronous == 1)
    }

    @Test("A file that is not a database fails to open as corrupt")
    func notADatabase() throws {
        let db = try TestDatabase()
        defer { db.remove() }
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: db.path))
        let error = #expect(throws: StoreError.self) { try db.open() }
        #expect(error?.reason == .corrupt)
    }
}
