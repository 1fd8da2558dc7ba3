import Alerting
import Foundation
import Testing
@testable import Server

@Suite("Alert ids between ingest and recording")
struct AlertIDsTests {
    @Test("an id is taken once; ids never taken are dropped after their age, keeping the map bounded")
    func bounded() async throws {
        let ids = AlertIDs(maxAge: .milliseconds(200))
        let startsAt = Date(timeIntervalSince1970: 1_795_000_000.123)
        let alert = Alert(status: .firing, labels: ["a": "b"], startsAt: startsAt, fingerprint: "f1")
        ids.remember(7, fingerprint: "f1", startsAt: startsAt)
        #expect(ids.take([alert]) == [7])
        #expect(ids.take([alert]).isEmpty, "taken once")
        for n in 0..<100 { ids.remember(Int64(n), fingerprint: "never-\(n)", startsAt: startsAt) }
        #expect(ids.count == 100)
        try await Task.sleep(for: .milliseconds(300))
        ids.remember(1000, fingerprint: "fresh", startsAt: startsAt)
        #expect(ids.count == 1, "the 100 stale ids were dropped, the fresh one kept")
    }
}
