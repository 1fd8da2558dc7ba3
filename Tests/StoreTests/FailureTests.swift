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
        let results = await withTaskGroup(of: (String, Result<AcceptResult, StoreError>).self) { group in
            for index in 0..<8 {
                group.addTask {
                    let alert = index == 3 ? huge : Fixtures.alert("small-\(index)")
                    do throws(StoreError) {
                        return (alert.fingerprint, .success(try await store.accept(payload: Fixtures.payload([alert]))))
                    } catch {
                        return (alert.fingerprint, .failure(error))
                    }
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        for (fingerprint, result) in results {
            switch result {
            case .success:
                #expect(fingerprint != "huge")
            case .failure(let error):
                #expect(fingerprint == "huge")
                #expect(error.reason == .diskFull)
            }
        }
        #expect(try await store.count(.payloads) == 7)
    }

    /// Caps the database file at its current size plus `slackPages` pages (`PRAGMA max_page_count` on
    /// the writer), a cheap and exact way to get SQLITE_FULL.
    private func capFile(_ store: Store, slackPages: Int) async throws {
        let pages = try await store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try await store.onWriter("PRAGMA max_page_count = \(pages + slackPages)")
    }
}
