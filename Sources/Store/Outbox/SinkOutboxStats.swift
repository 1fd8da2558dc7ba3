import Foundation

/// The outbox seen from one sink, for the delivery metrics.
public struct SinkOutboxStats: Sendable, Equatable {
    /// The sink's configured name.
    public let sink: String
    /// Messages waiting (or being attempted).
    public let pending: Int
    /// How long the oldest waiting message has waited, in seconds; nil when none waits.
    public let oldestPendingAge: TimeInterval?
    /// Messages given up on (still stored).
    public let dead: Int
}
