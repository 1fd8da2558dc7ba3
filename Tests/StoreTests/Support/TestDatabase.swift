import Foundation
import GRDB
@testable import Store

/// A database file in a fresh temporary folder, removed by `remove()`.
struct TestDatabase {
    let folder: URL
    var path: String { folder.appendingPathComponent("pulldoctor.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("pulldoctor-store-tests")
            .appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Opens a store on this file.
    func open(_ configure: (inout StoreConfiguration) -> Void = { _ in }) throws -> Store {
        var configuration = StoreConfiguration(path: path)
        configure(&configuration)
        return try Store(configuration: configuration)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

extension Store {
    /// Counts the rows of a table (tests only).
    func count(_ table: StoreTable) async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.rawValue)") ?? 0 }
    }

    /// Runs statements on the writer connection outside any transaction (tests only), e.g. pragmas that
    /// make the connection read-only or cap the file size.
    func onWriter(_ sql: String) async throws {
        try await pool.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}
