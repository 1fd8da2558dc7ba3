import Notify
import Store
import Telemetry

/// Turns delivery attempts and outbox state into the notification metrics.
struct DeliveryMetricsObserver: DeliveryObserver {
    let metrics: PullDoctorMetrics

    func attempted(sink: String, result: DeliveryResult, duration: Duration) {
        metrics.notifications(sink: sink, result: result.outcome.rawValue).increment()
        metrics.notificationDuration(sink: sink).record(duration)
    }

    func deadLettered(sink: String) {
        metrics.deadLetters(sink: sink).increment()
    }

    func outbox(_ stats: [SinkOutboxStats]) {
        for item in stats {
            metrics.outboxPending(sink: item.sink).set(Double(item.pending))
            metrics.outboxOldestAge(sink: item.sink).set(item.oldestPendingAge ?? 0)
        }
    }

    func deliveriesInFlight(_ count: Int) {
        metrics.workInFlight("deliveries").set(Double(count))
    }

    func storeFailed(_ error: StoreError) {
        metrics.storeErrors(reason: error.reason.rawValue).increment()
    }
}
