import Alerting
import Foundation
import ServiceLifecycle
import Synchronization

/// Where accepted webhook payloads go. The webhook answers 2xx only when `accept` returns.
public protocol AlertIntake: Sendable {
    /// Takes ownership of a validated payload (and its raw body, kept as received), or throws when it
    /// cannot (the webhook answers 503).
    func accept(_ payload: WebhookPayload, body: [UInt8]) async throws
}

/// Why the intake refused a payload.
public struct IntakeError: Error, Sendable, CustomStringConvertible {
    public enum Reason: String, Sendable { case full, stopped }
    public let reason: Reason
    public var description: String {
        switch reason {
        case .full: return "the alert queue is full"
        case .stopped: return "PullDoctor is shutting down"
        }
    }
}

/// A bounded in-memory queue of accepted alerts between the webhook and the diagnosis, run as a Service.
///
/// Alerts from every payload waiting at a moment go to `consumer` together, in batches of at most
/// `batchLimit`, with at most `concurrency` batches in flight. So 5,000 single-alert webhooks arriving
/// during a storm reach the worker as a few large batches, which it groups by workload, instead of as
/// 5,000 concurrent tasks. Every alert here is already committed to the store: when the queue is full,
/// `accept` throws and the alerts wait there for the resume sweep.
final class AlertQueue: Service, Sendable {
    private struct State {
        var pending: [Alert] = []
        var inFlight = 0
        var finished = false
    }

    private let state = Mutex(State())
    private let wake: AsyncStream<Void>
    private let wakeContinuation: AsyncStream<Void>.Continuation
    private let capacity: Int
    private let batchLimit: Int
    private let concurrency: Int
    private let consumer: @Sendable (WebhookPayload) async -> Void
    private let observe: @Sendable (_ queuedAlerts: Int, _ batchesInFlight: Int) -> Void

    /// - Parameters:
    ///   - capacity: most alerts waiting at once.
    ///   - batchLimit: most alerts handed to `consumer` in one call.
    ///   - concurrency: most calls of `consumer` at once.
    ///   - observe: told the alerts waiting and the batches in flight after every change (metrics).
    init(capacity: Int, batchLimit: Int = 2_000, concurrency: Int = 4,
         observe: @escaping @Sendable (_ queuedAlerts: Int, _ batchesInFlight: Int) -> Void = { _, _ in },
         consumer: @escaping @Sendable (WebhookPayload) async -> Void) {
        (wake, wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.capacity = capacity
        self.batchLimit = max(1, batchLimit)
        self.concurrency = max(1, concurrency)
        self.consumer = consumer
        self.observe = observe
    }

    private func report() {
        let (queued, batches) = state.withLock { ($0.pending.count, $0.inFlight) }
        observe(queued, batches)
    }

    func accept(_ payload: WebhookPayload) async throws {
        try state.withLock { (state: inout State) throws(IntakeError) in
            guard !state.finished else { throw IntakeError(reason: .stopped) }
            guard state.pending.count + payload.alerts.count <= capacity else { throw IntakeError(reason: .full) }
            state.pending.append(contentsOf: payload.alerts)
        }
        report()
        wakeContinuation.yield()
    }

    func run() async throws {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for await _ in wake {
                    while let batch = take(claimSlot: true) {
                        report()
                        group.addTask {
                            await self.consumer(WebhookPayload(status: .firing, alerts: batch))
                            self.state.withLock { $0.inFlight -= 1 }
                            self.report()
                            self.wakeContinuation.yield()
                        }
                    }
                }
            }
            // Drain what was accepted before the shutdown signal, then stop.
            while let batch = take(claimSlot: false) {
                await consumer(WebhookPayload(status: .firing, alerts: batch))
            }
        } onGracefulShutdown: {
            self.state.withLock { $0.finished = true }
            self.wakeContinuation.finish()
        }
    }

    /// The next batch, oldest alerts first, or nil when nothing waits (or, with `claimSlot`, when every
    /// slot is busy). An occurrence present twice keeps its last state, so a firing alert and its
    /// resolution in one batch are not diagnosed out of order.
    private func take(claimSlot: Bool) -> [Alert]? {
        state.withLock { state in
            guard !state.pending.isEmpty, !claimSlot || state.inFlight < concurrency else { return nil }
            if claimSlot { state.inFlight += 1 }
            let count = min(batchLimit, state.pending.count)
            let batch = Array(state.pending.prefix(count))
            state.pending.removeFirst(count)
            return Self.lastStatePerOccurrence(batch)
        }
    }

    private struct OccurrenceKey: Hashable {
        let fingerprint: String
        let startsAt: Date
    }

    static func lastStatePerOccurrence(_ alerts: [Alert]) -> [Alert] {
        var index: [OccurrenceKey: Int] = [:]
        var out: [Alert] = []
        out.reserveCapacity(alerts.count)
        for alert in alerts {
            let key = OccurrenceKey(fingerprint: alert.fingerprint, startsAt: alert.startsAt)
            if let at = index[key] {
                out[at] = alert
            } else {
                index[key] = out.count
                out.append(alert)
            }
        }
        return out
    }
}
