import Foundation
import Testing
@testable import Store

@Suite("Group commit under concurrency")
struct ConcurrencyTests {
    @Test("Many concurrent accepts all commit, sharing transactions")
    func concurrentAcceptsCommit() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let callers = 64
        let perCaller = 10
        let results = try await withThrowingTaskGroup(of: [AcceptResult].self) { group in
            for caller in 0..<callers {
                group.addTask {
                    var results: [AcceptResult] = []
                    for index in 0..<perCaller {
                        let alert = Fixtures.alert("c\(caller)-\(index)", pod: "pod-\(caller)")
                        results.append(try await store.accept(payload: Fixtures.payload([alert])))
                    }
                    return results
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(results.count == callers * perCaller)
        #expect(Set(results.map(\.payloadID)).count == callers * perCaller)
        #expect(results.allSatisfy { $0.alerts.map(\.outcome) == [.new] })
        #expect(try await store.count(.payloads) == callers * perCaller)
        #expect(try await store.count(.alerts) == callers * perCaller)
        let stats = await store.acceptStatistics()
        #expect(stats.payloads == callers * perCaller)
        #expect(stats.transactions < stats.payloads, "concurrent accepts should share transactions")

        // Committed means on disk: a fresh connection (after close) sees every row.
        try store.close()
        #expect(try await db.open().count(.alerts) == callers * perCaller)
    }

    @Test("Concurrent re-sends of one alert store one occurrence and count every re-send")
    func concurrentResends() async throws {
        let db = try TestDatabase()
        defer { db.remove() }
        let store = try db.open()
        let outcomes = try await withThrowingTaskGroup(of: AcceptedAlert.Outcome.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    try await store.accept(payload: Fixtures.payload([Fixtures.alert("same")])).alerts[0].outcome
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == .new }.count == 1)
        #expect(outcomes.filter { $0 == .resent }.count == 31)
        #expect(try await store.undiagnosedAlerts().first?.resentCount == 31)
    }

    @Test("Throughput: 1 caller vs 64 concurrent callers (printed, not asserted)")
    func throughput() async throws {
        for callers in [1, 64] {
            let db = try TestDatabase()
            defer { db.remove() }
            let store = try db.open()
            let total = callers == 1 ? 300 : 3_200
            let perCaller = total / callers
            let clock = ContinuousClock()
            let start = clock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for caller in 0..<callers {
                    group.addTask {
                        for index in 0..<perCaller {
                            let alerts = (0..<3).map { Fixtures.alert("t\(caller)-\(index)-\($0)") }
                            _ = try await store.accept(payload: Fixtures.payload(alerts, bodySize: 2_500))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let stats = await store.acceptStatistics()
            #expect(try await store.count(.payloads) == total)
            print(String(
                format: "store.group_commit: callers=%d payloads=%d (3 alerts, 2.5 KB each) transactions=%d "
                    + "mean_batch=%.1f elapsed=%.2fs accepts_per_second=%.0f",
                callers, total, stats.transactions, Double(stats.payloads) / Double(max(stats.transactions, 1)),
                seconds, Double(total) / seconds))
        }
    }
}
