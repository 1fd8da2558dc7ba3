import Alerting
import Foundation
import Logging
import Notify
import ServiceLifecycle
import Store
import Telemetry

/// Repeats notifications of incidents that still fire, per sink:
/// - a re-notification after the sink's `renotify_interval`, so an incident that lasts is not forgotten, yet
///   Alertmanager's more frequent re-sends of it do not each become a message;
/// - for an `alertmanager` sink the same repeat is the keep-alive: each post pushes the enriched alerts'
///   `endsAt` one keep-alive window ahead, so they stay firing in Alertmanager while the incident fires.
///
/// "Still fires" means the incident is open and one of its alerts was received (a re-send counts) within
/// the sink's window: the re-notify interval, or the keep-alive window for an `alertmanager` sink. When
/// Alertmanager stops sending, the repeats stop, and the enriched alerts expire by themselves.
///
/// The repeat carries the last diagnosis sent and the incident's alerts that fire now, and goes through the
/// outbox like any message (a new idempotency key, `...|repeat-N`).
struct RepeatSweep: Service {
    let store: Store
    let sinks: [SinkConfig]
    let logger: Logger

    /// How often to look: a quarter of the shortest re-notify interval, at most a minute.
    var interval: Duration {
        let shortest = sinks.map(\.renotifyInterval).min() ?? .seconds(60)
        return min(.seconds(60), shortest / 4)
    }

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            guard !Task.isCancelled && !Task.isShuttingDownGracefully else { break }
            await sweep(now: Date())
        }
    }

    /// Enqueues every repeat due at `now`; returns how many.
    @discardableResult
    func sweep(now: Date) async -> Int {
        var enqueued = 0
        for sink in sinks {
            let route = sink.route
            let window = sink.type == .alertmanager ? sink.alertmanagerKeepAlive : sink.renotifyInterval
            let candidates: [RepeatCandidate]
            do {
                candidates = try await store.repeatCandidates(
                    sink: sink.name, lastBefore: now.addingTimeInterval(-sink.renotifyInterval.seconds),
                    seenSince: now.addingTimeInterval(-window.seconds))
            } catch {
                logger.warning("could not look for notifications to repeat", metadata: ["pulldoctor.sink": "\(sink.name)", "error": "\(error)"])
                continue
            }
            var items: [OutboxItem] = []
            for candidate in candidates {
                guard let body = candidate.body, let envelope = OutboxEnvelope.decode(body) else { continue }
                var notification = envelope.notification(idempotencyKey: "")
                notification.status = .firing
                if !candidate.firingAlerts.isEmpty { notification.alerts = candidate.firingAlerts.map(Alert.init) }
                let last = SinkRoute.LastDelivery(
                    fingerprint: DiagnosisFingerprint(notification.diagnosis), status: .firing, deliveredAt: candidate.lastAt)
                guard route.decide(notification, last: last, now: now) == .send(.renotify) else { continue }
                items.append(OutboxItem(incidentID: candidate.incidentID, sink: sink.name, diagnosisID: candidate.diagnosisID,
                                        kind: .firing, body: OutboxEnvelope(notification).encoded(), repeats: true))
            }
            guard !items.isEmpty else { continue }
            do {
                enqueued += try await store.enqueue(items, at: now).count
            } catch {
                logger.warning("could not enqueue repeated notifications; the next sweep tries again",
                               metadata: ["pulldoctor.sink": "\(sink.name)", "error": "\(error)"])
            }
        }
        if enqueued > 0 {
            logger.info("repeating notifications of incidents that still fire", metadata: ["pulldoctor.notifications": "\(enqueued)"])
        }
        return enqueued
    }
}

extension Duration {
    /// In seconds, fractions included.
    var seconds: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
