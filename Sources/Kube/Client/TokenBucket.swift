/// The rate limiter's arithmetic as a pure value: a token bucket that hands out reservations.
///
/// Tokens refill at `rate` per second up to `burst`. A reservation takes one token now when there is one;
/// otherwise it takes a token that has yet to refill, driving the balance negative, and its wait is the
/// time until that token exists. Because every reservation moves the balance down, reservations come due in
/// the order they were made: first come, first served, with no queue of waiters to keep.
public struct TokenBucket: Sendable, Equatable {
    /// Tokens added per second.
    public let rate: Double
    /// The most tokens the bucket holds.
    public let burst: Int
    /// The balance at `updated`; negative while reservations are pending.
    public private(set) var tokens: Double
    /// When `tokens` was last brought up to date.
    public private(set) var updated: ContinuousClock.Instant

    /// A full bucket.
    public init(rate: Double, burst: Int, now: ContinuousClock.Instant) {
        precondition(rate > 0 && burst >= 1, "a token bucket needs a positive rate and a burst of at least 1")
        self.rate = rate
        self.burst = burst
        self.tokens = Double(burst)
        self.updated = now
    }

    /// Reserves one token and returns when it may be used: `now` when one is in the bucket, later otherwise.
    /// Returns `nil`, and reserves nothing, when that moment would be after `deadline`.
    public mutating func reserve(now: ContinuousClock.Instant, deadline: ContinuousClock.Instant? = nil) -> ContinuousClock.Instant? {
        refill(now: now)
        let balance = tokens - 1
        let due = balance >= 0 ? now : now + .seconds(-balance / rate)
        if let deadline, due > deadline { return nil }
        tokens = balance
        return due
    }

    private mutating func refill(now: ContinuousClock.Instant) {
        guard now > updated else { return }
        let elapsed = now - updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokens = min(Double(burst), tokens + seconds * rate)
        updated = now
    }
}
