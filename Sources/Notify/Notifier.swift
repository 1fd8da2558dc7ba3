/// One sink: turns an incident notification into one delivery attempt.
///
/// A notifier makes exactly one attempt and reports what happened. It never retries, never sleeps and never
/// logs secrets: the delivery worker owns retries, backoff, `Retry-After` and dead letters, so every sink
/// behaves the same under failure. Adding a sink is one new folder under `Sinks/` and one line in
/// ``SinkConfig/makeNotifier(transport:now:)``.
public protocol Notifier: Sendable {
    /// Sends `notification` once and classifies the outcome.
    func send(_ notification: IncidentNotification) async -> DeliveryResult
}

/// The header that carries a delivery's idempotency key on every sink's request. Each body carries the same
/// key too, in the place its format allows: `idempotencyKey` in the webhook and Teams bodies,
/// `metadata.event_payload.idempotency_key` in Slack's, and the `pulldoctor_idempotency_key` annotation on
/// the alerts posted to Alertmanager.
public let idempotencyHeader = "Idempotency-Key"
