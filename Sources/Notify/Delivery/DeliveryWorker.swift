import CurlClient
import Foundation
import Synchronization
import Logging
import ServiceLifecycle
import Store

/// Delivers the outbox, at least once, as a Service.
///
/// Every sink has its own loop: it claims due rows in arrival order per incident (the store never hands
/// out a row while an earlier one of the same incident and sink is pending), sends up to the sink's
/// `max_concurrency` at once, and records each attempt. Failures retry with exponential backoff and jitter,
/// honouring Retry-After (capped at `maxBackoff`); a refusal for good, or a row older than `maxAge`, is
/// dead-lettered: kept in the store, counted and logged once. Claims are leases, so a crash mid-send only
/// means the row is sent again, with the same idempotency key.
public struct DeliveryWorker: Service {
    /// Retry and polling settings.
    public struct Options: Sendable {
        public var maxAge: Duration
        public var initialBackoff: Duration
        public var maxBackoff: Duration
        public var pollInterval: Duration

        public init(maxAge: Duration = .seconds(86_400), initialBackoff: Duration = .seconds(2),
                    maxBackoff: Duration = .seconds(300), pollInterval: Duration = .milliseconds(500)) {
            self.maxAge = maxAge
            self.initialBackoff = initialBackoff
            self.maxBackoff = maxBackoff
            self.pollInterval = pollInterval
        }
    }

    let store: Store
    let sinks: [(config: SinkConfig, notifier: any Notifier)]
    let options: Options
    let observer: (any DeliveryObserver)?
    private let inFlight = InFlightCount()
    let logger: Logger

    public init(store: Store, sinks: [SinkConfig], transport: any HTTPTransport, options: Options = Options(),
                observer: (any DeliveryObserver)? = nil, logger: Logger) {
        self.store = store
        self.sinks = sinks.map { ($0, $0.makeNotifier(transport: transport)) }
        self.options = options
        self.observer = observer
        self.logger = logger
    }

    public func run() async throws {
        _ = try? await store.releaseClaims()  // leases of a previous process: send those rows again
        await withDiscardingTaskGroup { group in
            for sink in sinks {
                group.addTask { await loop(sink.config, sink.notifier) }
            }
            group.addTask { await reportStats() }
        }
    }

    private func loop(_ sink: SinkConfig, _ notifier: any Notifier) async {
        while !Task.isCancelledOrShuttingDown {
            let rows: [OutboxRecord]
            do {
                rows = try await store.claimDue(sink: sink.name, limit: sink.maxConcurrency)
            } catch {
                observer?.storeFailed(error)
                logger.error("outbox unavailable", metadata: ["pulldoctor.sink": "\(sink.name)", "error": "\(error)"])
                rows = []
            }
            if rows.isEmpty {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: options.pollInterval) }
                continue
            }
            observer?.deliveriesInFlight(inFlight.add(rows.count))
            await withDiscardingTaskGroup { group in
                for row in rows {
                    group.addTask {
                        await deliver(row, sink: sink, notifier: notifier)
                        observer?.deliveriesInFlight(inFlight.add(-1))
                    }
                }
            }
        }
    }

    private func deliver(_ row: OutboxRecord, sink: SinkConfig, notifier: any Notifier) async {
        let now = Date()
        guard let envelope = row.body.flatMap(OutboxEnvelope.decode) else {
            await deadLetter(row, sink: sink.name, attempt: DeliveryAttempt(at: now, error: "unreadable outbox body"),
                             why: "the stored message cannot be read")
            return
        }
        let start = ContinuousClock.now
        let result = await notifier.send(envelope.notification(idempotencyKey: row.idempotencyKey))
        let duration = ContinuousClock.now - start
        observer?.attempted(sink: sink.name, result: result, duration: duration)
        let attempt = DeliveryAttempt(at: now, httpStatus: result.httpStatus, error: result.failure?.description, duration: duration)
        switch result {
        case .delivered:
            await recording("the delivery", of: row) { () async throws(StoreError) -> Bool in try await store.markDelivered(outboxID: row.id, attempt: attempt) }
        case .retry(let after, let failure):
            let age = now.timeIntervalSince(row.createdAt)
            if age >= options.maxAge.seconds {
                await deadLetter(row, sink: sink.name, attempt: attempt, why: "undelivered for \(Int(age)) s (max age): \(failure)")
                return
            }
            let delay = Self.backoff(attempt: row.attempts, retryAfter: after, options: options)
            await recording("the failed attempt", of: row) { () async throws(StoreError) -> Bool in
                try await store.markFailed(outboxID: row.id, attempt: attempt, retryAt: now.addingTimeInterval(delay))
            }
            if row.attempts == 1 {
                // Logged once per row, not on every retry.
                logger.warning("delivery failed; retrying", metadata: [
                    "pulldoctor.sink": "\(sink.name)", "pulldoctor.incident": "\(row.incidentID)", "error": "\(failure)",
                ])
            }
        case .failed(let failure):
            await deadLetter(row, sink: sink.name, attempt: attempt, why: "refused for good: \(failure)")
        }
    }

    /// Runs a store write that records an outcome. If the store fails, the error is counted and logged; the
    /// row's claim then lapses and the row is sent again (same idempotency key), so nothing is lost.
    private func recording(_ what: String, of row: OutboxRecord, _ write: () async throws(StoreError) -> Bool) async {
        do {
            _ = try await write()
        } catch {
            observer?.storeFailed(error)
            logger.error("could not record a delivery outcome; the message will be sent again", metadata: [
                "pulldoctor.incident": "\(row.incidentID)", "pulldoctor.outcome": "\(what)", "error": "\(error)",
            ])
        }
    }

    private func deadLetter(_ row: OutboxRecord, sink: String, attempt: DeliveryAttempt, why: String) async {
        await recording("the dead letter", of: row) { () async throws(StoreError) -> Bool in try await store.markFailed(outboxID: row.id, attempt: attempt, retryAt: nil) }
        observer?.deadLettered(sink: sink)
        logger.error("notification dead-lettered", metadata: [
            "pulldoctor.sink": "\(sink)", "pulldoctor.incident": "\(row.incidentID)",
            "pulldoctor.idempotency_key": "\(row.idempotencyKey)", "reason": "\(why)",
        ])
    }

    private func reportStats() async {
        while !Task.isCancelledOrShuttingDown {
            do {
                observer?.outbox(try await store.outboxStats())
            } catch {
                observer?.storeFailed(error)
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(2)) }
        }
    }

    /// Exponential backoff with jitter (50–100 % of the step), at least the sink's Retry-After, at most `maxBackoff`.
    static func backoff(attempt: Int, retryAfter: Duration?, options: Options) -> TimeInterval {
        let cap = options.maxBackoff.seconds
        let step = min(cap, options.initialBackoff.seconds * pow(2, Double(min(62, max(0, attempt - 1)))))
        var delay = step * Double.random(in: 0.5...1.0)
        if let retryAfter {
            delay = max(delay, retryAfter.seconds)
        }
        return min(delay, cap)
    }
}

extension Task where Success == Never, Failure == Never {
    /// True once the task is cancelled or the service group began a graceful shutdown.
    static var isCancelledOrShuttingDown: Bool { Task.isCancelled || Task.isShuttingDownGracefully }
}

/// Deliveries in flight across every sink's loop.
final class InFlightCount: Sendable {
    private let count = Mutex(0)

    /// Adds `delta`; returns the new count.
    func add(_ delta: Int) -> Int {
        count.withLock { $0 += delta; return $0 }
    }
}
