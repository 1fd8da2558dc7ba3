import Alerting
import Foundation
import Logging
import ServiceLifecycle
import Store

/// Finds accepted alerts that have no diagnosis — left by a crash, a full queue or a store error — and
/// hands them to the diagnosis queue: at start, then every `interval` for alerts older than it (younger
/// ones are still on their way).
struct ResumeSweep: Service {
    let store: Store
    let ids: AlertIDs
    let queue: AlertQueue
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await sweep(olderThan: nil)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            await sweep(olderThan: Date().addingTimeInterval(-Double(interval.components.seconds)))
        }
    }

    private func sweep(olderThan cutoff: Date?) async {
        var after: Int64 = 0
        var resumed = 0
        while true {
            guard let records = try? await store.undiagnosedAlerts(afterID: after, limit: 500), !records.isEmpty else { break }
            after = records.last?.id ?? after
            let alerts = records.filter { cutoff == nil || $0.lastSeen < cutoff! }.map { record -> Alert in
                ids.remember(record.id, fingerprint: record.fingerprint, startsAt: record.startsAt)
                return Alert(record)
            }
            guard !alerts.isEmpty else { continue }
            resumed += alerts.count
            try? await queue.accept(WebhookPayload(status: .firing, alerts: alerts))
        }
        if resumed > 0 { logger.info("resumed undiagnosed alerts from the store", metadata: ["pulldoctor.alerts": "\(resumed)"]) }
    }
}
