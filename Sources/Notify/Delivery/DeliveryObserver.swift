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
    /// The store failed an outbox operation (claiming, recording an outcome); the worker retries later.
    func storeFailed(_ error: StoreError)
}

extension DeliveryObserver {
    public func deliveriesInFlight(_ count: Int) {}
    public func storeFailed(_ error: StoreError) {}
}
