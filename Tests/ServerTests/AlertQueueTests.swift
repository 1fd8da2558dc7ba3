import Alerting
import Foundation
import ServiceLifecycle
import Logging
import Synchronization
import Testing
@testable import Server

@Suite("The alert queue between the webhook and the diagnosis")
struct AlertQueueTests {
    static func alert(_ fingerprint: String, _ status: AlertStatus = .firing) -> Alert {
        Alert(status: status, labels: ["pod": fingerprint], annotations: [:], startsAt: Date(timeIntervalSince1970: 1_795_000_000),
              fingerprint: fingerprint)
    }

    @Test("payloads waiting together reach the consumer as one batch, bounded in size and in concurrency")
    func batches() async throws {
        let batches = Mutex<[[String]]>([])
        let inFlight = Mutex((now: 0, most: 0))
        let observed = Mutex((queued: 0, batches: 0, lastQueued: -1, lastBatches: -1))
        let queue = AlertQueue(capacity: 1_000, batchLimit: 30, concurrency: 2, observe: { queued, batches in
            observed.withLock { $0 = (max($0.queued, queued), max($0.batches, batches), queued, batches) }
        }) { payload in
            inFlight.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            batches.withLock { $0.append(payload.alerts.map(\.fingerprint)) }
            try? await Task.sleep(for: .milliseconds(50))
            inFlight.withLock { $0.now -= 1 }
        }
        // 100 single-alert payloads accepted before the queue runs: they wait together.
        for n in 0..<100 { try await queue.accept(WebhookPayload(status: .firing, alerts: [Self.alert("a\(n)")])) }
        let group = ServiceGroup(configuration: .init(services: [queue], logger: Logger(label: "test")))
        let task = Task { try await group.run() }
        for _ in 0..<100 where batches.withLock({ $0.flatMap { $0 }.count }) < 100 { try await Task.sleep(for: .milliseconds(20)) }
        await group.triggerGracefulShutdown()
        try await task.value
        let seen = batches.withLock { $0 }
        // Two batches run at once, so they may start in either order; each is a run of consecutive alerts.
        let ordered = seen.sorted { Int($0.first?.dropFirst() ?? "") ?? 0 < Int($1.first?.dropFirst() ?? "") ?? 0 }
        #expect(ordered.flatMap { $0 } == (0..<100).map { "a\($0)" }, "every alert once, oldest first within and across batches")
        #expect(seen.count == 4, "batches of at most 30: \(seen.map(\.count))")
        #expect(inFlight.withLock { $0.most } <= 2)
        let seenByMetrics = observed.withLock { $0 }
        #expect(seenByMetrics.queued == 100, "the gauge saw the 100 waiting alerts")
        #expect(seenByMetrics.batches == 2)
        #expect(seenByMetrics.lastQueued == 0 && seenByMetrics.lastBatches == 0, "and back at 0 when done")
    }

    @Test("a full queue refuses, and a firing alert and its resolution in one batch keep only the resolution")
    func fullAndLastState() async throws {
        let queue = AlertQueue(capacity: 3) { _ in }
        try await queue.accept(WebhookPayload(status: .firing, alerts: [Self.alert("x"), Self.alert("y")]))
        await #expect(throws: IntakeError.self) {
            try await queue.accept(WebhookPayload(status: .firing, alerts: [Self.alert("z"), Self.alert("w")]))
        }
        let merged = AlertQueue.lastStatePerOccurrence([Self.alert("x"), Self.alert("y"), Self.alert("x", .resolved)])
        #expect(merged.map(\.fingerprint) == ["x", "y"])
        #expect(merged.first?.status == .resolved)
    }
}
