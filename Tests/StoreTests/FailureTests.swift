import Foundation
import Testing
@testable import Store

@Suite("Disk failures")
struct FailureTests {
    @Test("A read-only database refuses accept with reason readOnly, storing nothing, and recovers")
    func readOnly() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        _ = try await store.accept(payload: Fixtures.payload([Fixtures.alert("before")]))

        // Running as root, chmod 0444 would not stop the writes; `query_only` makes SQLite refuse every
        // write on the writer connection with SQLITE_READONLY, as a file system remounted read-only would
        // for a fresh connection.
        try await store.onWriter("PRAGMA query_only = ON")
        let payload = Fixtures.payload([Fixtures.alert("r1"), Fixtures.alert("r2"), Fixtures.alert("r3")])
        let error = await #expect(throws: StoreError.self) { try await store.accept(payload: payload) }
        #expect(error?.reason == .readOnly)
        #expect(error?.resultCode == 8) // SQLITE_READONLY
        #expect(try await store.count(.payloads) == 1)
        #expect(try await store.count(.alerts) == 1)

        try await store.onWriter("PRAGMA query_only = OFF")
        #expect(try await store.accept(payload: payload).alerts.map(\.outcome) == [.new, .new, .new])
    }

    @Test(
        "On a read-only file system: a crash image opens and accept throws readOnly; a clean file cannot open",
        .enabled(if: ReadOnlyMount.isAvailable, "needs root and CAP_SYS_ADMIN for a read-only bind mount"))
    func readOnlyFileSystem() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let source = db.folder.appendingPathComponent("crashed")
        let clean = db.folder.appendingPathComponent("clean")
        let store = try db.open()
        _ = try await store.accept(payload: Fixtures.payload([Fixtures.alert("before")]))
        // A crash image keeps its -wal and -shm files; a clean close removes them.
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] {
            try FileManager.default.copyItem(
                atPath: db.path + suffix, toPath: source.appendingPathComponent("pulldoctor.sqlite").path + suffix)
        }
        try store.close()
        try FileManager.default.createDirectory(at: clean, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: db.path, toPath: clean.appendingPathComponent("pulldoctor.sqlite").path)

        let crashedView = try ReadOnlyMount(source: source, at: db.folder.appendingPathComponent("crashed-ro"))
        defer { crashedView.unmount() }
        let path = crashedView.mountPoint.appendingPathComponent("pulldoctor.sqlite").path
        let readOnly = try Store(configuration: StoreConfiguration(path: path))
        let error = await #expect(throws: StoreError.self) {
            try await readOnly.accept(payload: Fixtures.payload([Fixtures.alert("r1"), Fixtures.alert("r2")]))
        }
        #expect(error?.reason == .readOnly)
        #expect(try await readOnly.count(.alerts) == 1)

        // The volume becomes writable again: SQLite's read-only connection would stay read-only, so the
        // store opens a fresh one after a read-only failure (at most once a second) and ingest recovers
        // without a restart.
        try crashedView.remountWritable()
        var recovered: AcceptResult?
        for _ in 0..<50 where recovered == nil {
            recovered = try? await readOnly.accept(payload: Fixtures.payload([Fixtures.alert("after")]))
            if recovered == nil { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(recovered?.alerts.map(\.outcome) == [.new], "accepts again once the volume is writable")
        #expect(try await readOnly.count(.alerts) == 2)
        try readOnly.close()

        // Without its -shm file SQLite cannot open a WAL database on a read-only file system at all.
        let cleanView = try ReadOnlyMount(source: clean, at: db.folder.appendingPathComponent("clean-ro"))
        defer { cleanView.unmount() }
        let cleanPath = cleanView.mountPoint.appendingPathComponent("pulldoctor.sqlite").path
        let openError = #expect(throws: StoreError.self) {
            try Store(configuration: StoreConfiguration(path: cleanPath))
        }
        #expect(openError?.reason == .cantOpen)
    }

    @Test("A full disk refuses accept with reason diskFull and rolls the whole payload back")
    func diskFull() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        _ = try await store.accept(payload: Fixtures.payload([Fixtures.alert("before")]))
        try await capFile(store, slackPages: 4)

        // The payload row and the first two alerts fit; the third alert's annotations do not.
        var huge = Fixtures.alert("a3")
        huge.annotations["description"] = String(repeating: "x", count: 200_000)
        let payload = Fixtures.payload([Fixtures.alert("a1"), Fixtures.alert("a2"), huge])
        let error = await #expect(throws: StoreError.self) { try await store.accept(payload: payload) }
        #expect(error?.reason == .diskFull)
        #expect(error?.resultCode == 13) // SQLITE_FULL
        #expect(try await store.count(.payloads) == 1)
        #expect(try await store.count(.alerts) == 1)
        #expect(try await store.undiagnosedAlerts().map(\.fingerprint) == ["before"])
    }

    @Test("A payload that cannot be stored fails alone; its neighbours in the batch commit")
    func failureIsPerPayload() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try await capFile(store, slackPages: 16)
        let huge = IncomingAlert(
            fingerprint: "huge", status: .firing, startsAt: Fixtures.t0,
            annotations: ["description": String(repeating: "x", count: 500_000)])
        // One batch, as the committer forms it under load: the whole transaction fails on the third
        // payload, then each payload is retried alone.
        let batch = (0..<6).map { Fixtures.payload([$0 == 2 ? huge : Fixtures.alert("small-\($0)")]) }
        let results = await GroupCommitter.commit(batch, pool: store.pool)
        #expect(results.count == 6)
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let accepted):
                #expect(index != 2)
                #expect(accepted.alerts.map(\.outcome) == [.new])
            case .failure(let error):
                #expect(index == 2)
                #expect(error.reason == .diskFull)
            }
        }
        #expect(try await store.count(.payloads) == 5)
        #expect(try await store.undiagnosedAlerts().map(\.fingerprint)
                == ["small-0", "small-1", "small-3", "small-4", "small-5"])
    }

    @Test("A read-only database fails every payload of a batch, storing none")
    func readOnlyBatch() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        try await store.onWriter("PRAGMA query_only = ON")
        let batch = (0..<4).map { Fixtures.payload([Fixtures.alert("ro-\($0)")]) }
        let results = await GroupCommitter.commit(batch, pool: store.pool)
        #expect(results.count == 4)
        for result in results {
            guard case .failure(let error) = result else {
                Issue.record("a payload was accepted by a read-only database")
                continue
            }
            #expect(error.reason == .readOnly)
        }
        try await store.onWriter("PRAGMA query_only = OFF")
        #expect(try await store.count(.payloads) == 0)
    }

    /// Caps the database file at its current size plus `slackPages` pages (`PRAGMA max_page_count` on
    /// the writer), a cheap and exact way to get SQLITE_FULL.
    private func capFile(_ store: Store, slackPages: Int) async throws {
        let pages = try await store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try await store.onWriter("PRAGMA max_page_count = \(pages + slackPages)")
    }
}
