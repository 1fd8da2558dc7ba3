import Store

/// The delivery worker's metrics seam.
public protocol DeliveryObserver: Sendable {
    /// One delivery attempt ended.
    func attempted(sink: String, result: DeliveryResult, duration: Duration)
    /// A notification was given up on (too old, or refused for good).
    func deadLettered(sink: String)
    /// The outbox's state per sink, refreshed on every pass.
    func outbox(_ stats: [SinkOutboxStats])
    /// Deliveries in flight now, all sinks together.
    func deliveriesInFlight(_ count: Int)
}

extension DeliveryObserver {
    public func deliveriesInFlight(_ count: Int) {}
}
