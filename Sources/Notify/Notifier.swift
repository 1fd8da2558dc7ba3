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
